/**
 * Server configuration read from the environment. Secrets never live in the
 * code: a missing or weak value stops the app at start-up, not at the first login.
 */

// #region read-secret
/** HMAC-SHA256 needs at least 32 bytes of key material to be worth its name. */
export const MIN_SECRET_LENGTH = 32;

export function readAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.BETTER_AUTH_SECRET;
  if (!secret) {
    throw new Error(
      "BETTER_AUTH_SECRET не задан. Сгенерируйте секрет (openssl rand -base64 32) и добавьте его в .env.",
    );
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `BETTER_AUTH_SECRET слишком короткий: ${secret.length} символов, нужно не меньше ${MIN_SECRET_LENGTH}.`,
    );
  }
  return secret;
}
// #endregion read-secret

export function readAppUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.BETTER_AUTH_URL;
  if (!url || !URL.canParse(url)) {
    throw new Error("BETTER_AUTH_URL не задан или не является URL (например, http://localhost:3000).");
  }
  return url;
}
