import { HOW_TO_GENERATE, readAuthSecret, secretProblem } from "./env";

/** One version of the auth secret, in the shape of Better Auth's `secrets` option. */
export type AuthSecret = { version: number; value: string };

/** The version a lone BETTER_AUTH_SECRET gets: rotation starts with BETTER_AUTH_SECRETS="2:<new>,1:<that value>". */
export const FIRST_SECRET_VERSION = 1;

const FORMAT = 'формат: BETTER_AUTH_SECRETS="<версия>:<секрет>,<версия>:<секрет>", новая версия первой, например "2:…,1:…"';

/**
 * The auth secrets from the environment, current first. BETTER_AUTH_SECRETS
 * ("3:<new>,2:<old>") holds every version still accepted; without it, the
 * single BETTER_AUTH_SECRET is version 1. Better Auth itself only warns about a
 * weak current secret and ignores the older ones, so every version is checked
 * here: an old key that can be guessed still opens cookies and ciphertexts.
 */
export function readAuthSecrets(env: NodeJS.ProcessEnv = process.env): AuthSecret[] {
  const list = env.BETTER_AUTH_SECRETS ?? "";
  if (list === "") return [{ version: FIRST_SECRET_VERSION, value: readAuthSecret(env) }];

  const secrets = list.split(",").map((entry, index) => parseEntry(entry, index + 1));
  const versions = secrets.map((secret) => secret.version);
  const repeated = versions.find((version, index) => versions.indexOf(version) !== index);
  if (repeated !== undefined) refuse(`версия ${repeated} встречается дважды: у каждой версии свой номер`);
  // Better Auth encrypts and signs with the first entry: a new key appended at the end would never be used.
  if (Math.max(...versions) !== secrets[0]!.version) {
    refuse(`первой должна стоять текущая версия с наибольшим номером (${Math.max(...versions)}), а стоит ${secrets[0]!.version}`);
  }
  return secrets;
}

function parseEntry(entry: string, position: number): AuthSecret {
  const colon = entry.indexOf(":");
  const version = colon === -1 ? "" : entry.slice(0, colon);
  if (!/^\d{1,9}$/.test(version)) refuse(`запись ${position}: нет номера версии (целое число ≥ 0 перед двоеточием); ${FORMAT}`);
  const value = entry.slice(colon + 1);
  const problem = secretProblem(value);
  // The message names the version, never the value: error messages end up in logs.
  if (problem) refuse(`версия ${version}: секрет ${problem}. ${HOW_TO_GENERATE}`);
  return { version: Number(version), value };
}

function refuse(reason: string): never {
  throw new Error(`BETTER_AUTH_SECRETS: ${reason}${reason.endsWith(".") ? "" : "."}`);
}
