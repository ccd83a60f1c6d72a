import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { ProviderError, type RunningPostgres } from "./types.ts";
import { describeError, withTimeout } from "../errors.ts";
import { stopOnExit } from "./lifecycle.ts";

/** Pinned so every run of the course tests the same server version. */
export const POSTGRES_IMAGE = "postgres:18.1-alpine";

/** BAUTH_PG_IMAGE names another image (a registry mirror, say) with the same contract. */
export function postgresImage(): string {
  return process.env.BAUTH_PG_IMAGE?.trim() || POSTGRES_IMAGE;
}

/** The reaper image Testcontainers starts before any container (RYUK_CONTAINER_IMAGE overrides it). */
export function ryukImage(): string {
  const require = createRequire(import.meta.url);
  try {
    const reaper = require("testcontainers/build/reaper/reaper.js") as { getReaperImage(): string };
    return reaper.getReaperImage();
  } catch {
    return "testcontainers/ryuk";
  }
}

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
  const image = postgresImage();
  // Ryuk removes the container when this process dies, unless it is disabled
  // (TESTCONTAINERS_RYUK_DISABLED) or missing: then Ctrl-C is handled here. The
  // guard goes up before the start, and finds the container by this run's label,
  // because a Ctrl-C can arrive while the container exists but start() has not returned.
  const runId = `${process.pid}-${randomUUID()}`;
  const removeGuards = stopOnExit(() => removeRunContainers(runId));
  try {
    const { PostgreSqlContainer } = await import("@testcontainers/postgresql");
    const container = await withTimeout(
      new PostgreSqlContainer(image).withLabels({ [RUN_LABEL]: runId }).start(),
      timeoutMs,
      `контейнер не запустился за ${Math.round(timeoutMs / 1000)} с`,
    );
    return {
      kind: "testcontainers",
      adminUrl: container.getConnectionUri(),
      stop: async () => {
        removeGuards();
        await container.stop();
      },
    };
  } catch (error) {
    removeGuards();
    removeRunContainers(runId);
    const reason = missingImage(error, image);
    throw new ContainerStartError(
      reason,
      describeError(error),
      `Docker отвечает, но PostgreSQL в нём не запустился: ${reason} (${describeError(error)}). ` +
        `Так бывает без интернета или когда Docker Hub недоступен. Скачайте образы заранее (docker pull ${image} и docker pull ${ryukImage()}), ` +
        `укажите другой образ в BAUTH_PG_IMAGE, или уберите BAUTH_PG_PROVIDER=testcontainers — тогда тесты поднимут встроенный PostgreSQL.`,
    );
  }
}

const RUN_LABEL = "org.bauth-course.run";

/** Synchronous, for exit handlers: removes every container of this run, started or not. */
function removeRunContainers(runId: string): void {
  const listed = spawnSync("docker", ["ps", "-aq", "--filter", `label=${RUN_LABEL}=${runId}`], { encoding: "utf8", timeout: 10_000 });
  const ids = (listed.stdout ?? "").split("\n").filter(Boolean);
  if (ids.length > 0) spawnSync("docker", ["rm", "-f", "-v", ...ids], { stdio: "ignore", timeout: 20_000 });
}

/** The container could not start; `reason` is the short cause, for the fallback's banner. */
export class ContainerStartError extends ProviderError {
  constructor(
    readonly reason: string,
    /** Testcontainers' own words, for the banner of a fallback. */
    override readonly cause: string,
    message: string,
  ) {
    super(message);
  }
}

/** What could not be had: an image (offline, blocked or rate-limited registry) or a running container. Ryuk starts first. */
function missingImage(error: unknown, image: string): string {
  const text = describeError(error);
  const ryuk = ryukImage();
  const isRyuk = /ryuk/i.test(text) || text.includes(ryuk);
  const subject = isRyuk ? `${ryuk} (Ryuk)` : image;
  const noImage = /pull|registry|manifest|no such image|proxyconnect|not found: manifest/i.test(text);
  return noImage ? `не удалось получить образ ${subject}` : `не запустился контейнер из образа ${subject}`;
}
