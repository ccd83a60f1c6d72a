import type { BetterAuthOptions } from "better-auth";

/**
 * The pre-ship checklist as code: what is wrong with this Better Auth
 * configuration for a production deployment, one Russian line per problem,
 * each naming the option to fix. An empty list means ready to ship.
 */
export function preShipProblems(options: BetterAuthOptions, env: NodeJS.ProcessEnv = process.env): string[] {
  // TODO(bauth15): the checks of README «Чек-лист перед выкладкой»: https and __Secure- cookies, the secret
  // from env, shared rate-limit storage, trustedOrigins, no disabled CSRF or Origin check.
  void options;
  void env;
  throw new Error("TODO(bauth15): preShipProblems ещё не написана (src/lib/pre-ship.ts).");
}
