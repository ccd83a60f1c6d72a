import { readAuthSecret, secretProblem } from "./env";

/** One version of the auth secret, in the shape of Better Auth's `secrets` option. */
export type AuthSecret = { version: number; value: string };

/** The version a lone BETTER_AUTH_SECRET gets: rotation starts with BETTER_AUTH_SECRETS="2:<new>,1:<that value>". */
export const FIRST_SECRET_VERSION = 1;

/**
 * The auth secrets from the environment, current first (README, «Контракт»).
 */
export function readAuthSecrets(env: NodeJS.ProcessEnv = process.env): AuthSecret[] {
  // TODO(bauth13): прочитайте BETTER_AUTH_SECRETS («<версия>:<секрет>,…», текущая версия первой) и верните версии
  //   в том же порядке. Без этой переменной единственный секрет — BETTER_AUTH_SECRET (readAuthSecret), версия 1.
  //   Каждую версию, не только текущую, проверьте как в bauth01 (secretProblem из ./env), а сам список — на формат,
  //   повторы и порядок. Ошибка называет BETTER_AUTH_SECRETS и версию, но никогда сам секрет.
  void env;
  void readAuthSecret;
  void secretProblem;
  throw new Error("readAuthSecrets ещё не написана (TODO bauth13)");
}
