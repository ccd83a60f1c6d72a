import { scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: string,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** Better Auth's stored format: 16 bytes of salt and a 64-byte scrypt key, both hex, joined by a colon. */
export const SCRYPT_HASH_FORMAT = /^[0-9a-f]{32}:[0-9a-f]{128}$/;

/**
 * True when `hash` is Better Auth's scrypt hash (N=16384, r=16, p=1, 64 bytes) of
 * exactly this password. Recomputed here with node:crypto, independently of the lab,
 * so a password hashed twice, or with another algorithm, does not pass.
 */
export async function isScryptHashOf(hash: string, password: string): Promise<boolean> {
  if (!SCRYPT_HASH_FORMAT.test(hash)) return false;
  const [salt = "", key = ""] = hash.split(":");
  const derived = await scryptAsync(password.normalize("NFKC"), salt, 64, { N: 16384, r: 16, p: 1, maxmem: 128 * 16384 * 16 * 2 });
  return timingSafeEqual(derived, Buffer.from(key, "hex"));
}
