import type { TestProject } from "vitest/node";
import { bannerLine, startPostgres } from "./postgres/provider.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Admin URL of the run's PostgreSQL; each test file creates its own database there. */
    pgAdminUrl: string;
  }
}

const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** Starts one PostgreSQL for the whole run and makes sure it stops however the run ends. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  console.log(bannerLine(server));
  project.provide("pgAdminUrl", server.adminUrl);

  const stopNow = (): void => server.stopNow?.();
  const onSignal = (signal: NodeJS.Signals): void => {
    stopNow();
    // Re-raise with the default handler so the exit code still says how the run ended.
    process.removeListener(signal, onSignal);
    process.kill(process.pid, signal);
  };
  process.once("exit", stopNow);
  for (const signal of STOP_SIGNALS) process.once(signal, onSignal);

  return async () => {
    process.removeListener("exit", stopNow);
    for (const signal of STOP_SIGNALS) process.removeListener(signal, onSignal);
    await server.stop();
  };
}
