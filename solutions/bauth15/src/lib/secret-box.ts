import { parseEnvelope, symmetricDecrypt, symmetricEncrypt } from "better-auth/crypto";
import { auth } from "./auth";

/**
 * Values the app keeps in the database encrypted (an API token of a linked
 * service, say), under the same versioned keys Better Auth uses for OAuth
 * tokens. The ciphertext is Better Auth's envelope "$ba$<version>$<hex>":
 * it names the secret version that encrypted it, so any version still listed
 * in BETTER_AUTH_SECRETS can open it after a rotation.
 */
async function keys() {
  // The SecretConfig Better Auth built from `secrets`: every version, and which one is current.
  return (await auth.$context).secretConfig;
}

/** Encrypts with the current (first) secret version. */
export async function encryptAtRest(plaintext: string): Promise<string> {
  return symmetricEncrypt({ key: await keys(), data: plaintext });
}

/** Decrypts with the version the envelope names; a retired version is an error, never an empty value. */
export async function decryptAtRest(stored: string): Promise<string> {
  const version = parseEnvelope(stored)?.version;
  const config = await keys();
  if (version !== undefined && typeof config !== "string" && !config.keys.has(version)) {
    throw new Error(
      `Значение зашифровано версией ${version} секрета, которой нет в BETTER_AUTH_SECRETS: ` +
        "верните её в список или перешифруйте данные до того, как её удалять.",
    );
  }
  return symmetricDecrypt({ key: config, data: stored });
}

/**
 * The same value encrypted with the current version: run it over the stored
 * rows after a rotation, and the old version can then be removed.
 */
export async function reencryptAtRest(stored: string): Promise<string> {
  const config = await keys();
  const current = typeof config === "string" ? undefined : config.currentVersion;
  if (current !== undefined && parseEnvelope(stored)?.version === current) return stored;
  return encryptAtRest(await decryptAtRest(stored));
}
