import pg from "pg";
import { describeError } from "../errors.ts";
import { ProviderError, URL_VARS, type RunningPostgres } from "./types.ts";

export function urlFromEnvironment(): { variable: string; url: string } | undefined {
  for (const variable of URL_VARS) {
    const url = process.env[variable];
    if (url) return { variable, url };
  }
  return undefined;
}

/** Uses a server the user already runs; checks it answers before any test starts. */
export async function useExternalServer(timeoutMs: number): Promise<RunningPostgres> {
  const found = urlFromEnvironment();
  if (!found) {
    throw new ProviderError(
      `Не задан адрес PostgreSQL. Укажите его в ${URL_VARS.join(" или ")}, например ` +
        `TEST_DATABASE_URL=postgres://postgres:postgres@localhost:5432/postgres (см. docker-compose.yml).`,
    );
  }
  const client = new pg.Client({ connectionString: found.url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    throw new ProviderError(
      `PostgreSQL из ${found.variable} не отвечает (${timedOut(error) ? `нет ответа за ${timeoutMs / 1000} с` : describeError(error)}). ` +
        `Запустите сервер (например, docker compose up -d) или уберите ${found.variable}, ` +
        `и тесты сами поднимут встроенный PostgreSQL.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
  return { kind: "url", adminUrl: found.url, stop: async () => {} };
}

/** node-postgres reports its connection timeout in English; the student gets it in Russian. */
function timedOut(error: unknown): boolean {
  return error instanceof Error && /timeout/i.test(error.message);
}
