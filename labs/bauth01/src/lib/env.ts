/**
 * Server configuration read from the environment.
 */

export const MIN_SECRET_LENGTH = 32;

export function readAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  // TODO(bauth01): если BETTER_AUTH_SECRET не задан или короче MIN_SECRET_LENGTH символов,
  // бросьте Error с понятным сообщением, в котором названа переменная BETTER_AUTH_SECRET.
  return env.BETTER_AUTH_SECRET ?? "";
}

export function readAppUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.BETTER_AUTH_URL;
  if (!url || !URL.canParse(url)) {
    throw new Error("BETTER_AUTH_URL не задан или не является URL (например, http://localhost:3000).");
  }
  return url;
}
