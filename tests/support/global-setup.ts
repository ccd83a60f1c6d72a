import type { TestProject } from "vitest/node";
import { describeError } from "./errors.ts";
import { bannerLine, startPostgres } from "./postgres/provider.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Admin URL of the run's PostgreSQL; each test file creates its own database there. */
    pgAdminUrl: string;
    /** Why no PostgreSQL could be started, when that happened (then pgAdminUrl is empty). */
    pgStartError: string;
  }
}

/**
 * Starts one PostgreSQL for the whole run; the provider stops it however the
 * run ends. If it cannot start, the run still goes on, so every lab fails with
 * the reason and the grading report is written for the autograder.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  try {
    const server = await startPostgres();
    console.log(bannerLine(server));
    project.provide("pgAdminUrl", server.adminUrl);
    project.provide("pgStartError", "");
    return () => server.stop();
  } catch (error) {
    const reason = describeError(error);
    console.error(`\n❌ PostgreSQL для тестов не запустился.\n${reason}\n`);
    project.provide("pgAdminUrl", "");
    project.provide("pgStartError", reason);
    return undefined;
  }
}
