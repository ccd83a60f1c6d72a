import { ProviderError, type RunningPostgres } from "./types.ts";
import { describeError, withTimeout } from "../errors.ts";

/** Pinned so every run of the course tests the same server version. */
export const POSTGRES_IMAGE = "postgres:18.1-alpine";

/**
 * True when a container runtime answers. Testcontainers' detection fails in
 * about a millisecond when no Docker is present, so asking is cheap.
 */
export async function dockerIsReachable(timeoutMs: number): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import("testcontainers");
    await withTimeout(getContainerRuntimeClient(), timeoutMs, "Docker не ответил");
    return true;
  } catch {
    return false;
  }
}

export async function startContainer(timeoutMs: number): Promise<RunningPostgres> {
  try {
    const { PostgreSqlContainer } = await import("@testcontainers/postgresql");
    const container = await withTimeout(
      new PostgreSqlContainer(POSTGRES_IMAGE).start(),
      timeoutMs,
      `контейнер не запустился за ${Math.round(timeoutMs / 1000)} с`,
    );
    return {
      kind: "testcontainers",
      adminUrl: container.getConnectionUri(),
      stop: async () => {
        await container.stop();
      },
    };
  } catch (error) {
    throw new ProviderError(
      `Не удалось запустить PostgreSQL в Docker через Testcontainers (${describeError(error)}). ` +
        `Проверьте, что Docker запущен (docker info), или уберите BAUTH_PG_PROVIDER=testcontainers, ` +
        `и тесты поднимут встроенный PostgreSQL.`,
    );
  }
}
