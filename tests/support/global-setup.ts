import type { TestProject } from "vitest/node";
import { bannerLine, startPostgres } from "./postgres/provider.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Admin URL of the run's PostgreSQL; each test file creates its own database there. */
    pgAdminUrl: string;
  }
}

/** Starts one PostgreSQL for the whole run; the provider stops it however the run ends. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  console.log(bannerLine(server));
  project.provide("pgAdminUrl", server.adminUrl);
  return () => server.stop();
}
