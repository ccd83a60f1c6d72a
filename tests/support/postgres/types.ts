/** A PostgreSQL server the whole test run shares; each test file gets its own database on it. */
export interface RunningPostgres {
  /** Which provider started (or found) the server, for the one-line banner. */
  readonly kind: ProviderKind;
  /** Connection URL with rights to CREATE DATABASE; its database name is ignored. */
  readonly adminUrl: string;
  /** Stops the server if this run started it; a no-op for an external server. */
  stop(): Promise<void>;
  /** Why this provider was used instead of the first choice (a fallback), for the banner. */
  readonly note?: string;
}

export type ProviderKind = "url" | "testcontainers" | "embedded";

export const PROVIDER_KINDS: readonly ProviderKind[] = ["url", "testcontainers", "embedded"];

/** The variable that forces one provider instead of the automatic choice. */
export const FORCE_PROVIDER_VAR = "BAUTH_PG_PROVIDER";

/** The variables a user sets to point the tests at their own server, in order of precedence. */
export const URL_VARS = ["TEST_DATABASE_URL", "DATABASE_URL"] as const;

/**
 * How long each provider may take to start. A slow machine is not a failure:
 * initdb on two busy cores took more than 8 s, and a first image pull more.
 * Certain failures (a refused port, no Docker for a forced provider) still end at once.
 */
export const START_LIMIT_MS: Record<ProviderKind, number> = {
  url: 15_000,
  embedded: 60_000,
  testcontainers: 120_000,
};

/** A start still running after this long prints one progress line. */
export const PROGRESS_AFTER_MS = 5_000;

/** Error whose message is written for the student and says how to fix the problem. */
export class ProviderError extends Error {
  override name = "ProviderError";
}
