/** A PostgreSQL server the whole test run shares; each test file gets its own database on it. */
export interface RunningPostgres {
  /** Which provider started (or found) the server, for the one-line banner. */
  readonly kind: ProviderKind;
  /** Connection URL with rights to CREATE DATABASE; its database name is ignored. */
  readonly adminUrl: string;
  /** Stops the server if this run started it; a no-op for an external server. */
  stop(): Promise<void>;
}

export type ProviderKind = "url" | "testcontainers" | "embedded";

export const PROVIDER_KINDS: readonly ProviderKind[] = ["url", "testcontainers", "embedded"];

/** The variable that forces one provider instead of the automatic choice. */
export const FORCE_PROVIDER_VAR = "BAUTH_PG_PROVIDER";

/** The variables a user sets to point the tests at their own server, in order of precedence. */
export const URL_VARS = ["TEST_DATABASE_URL", "DATABASE_URL"] as const;

/** A forced provider that cannot start must fail within this time (issue #3: under 10 s). */
export const FORCED_START_LIMIT_MS = 8_000;

/** Error whose message is written for the student and says how to fix the problem. */
export class ProviderError extends Error {
  override name = "ProviderError";
}
