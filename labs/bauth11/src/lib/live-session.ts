import type { BetterAuthPlugin } from "better-auth";

/**
 * Better Auth's own endpoints that authorize with the session as the cookie
 * cache holds it. Left alone, a session revoked a minute ago can still use them
 * until SESSION_CACHE_MAX_AGE runs out.
 */
export const LIVE_SESSION_PATHS: ReadonlySet<string> = new Set([
  // TODO(bauth11): перечислите пути эндпоинтов Better Auth, которые проверяют сессию по cookie-кэшу
  //   и при этом читают или меняют данные аккаунта (найдите их в исходниках better-auth, см. README).
]);

/** A plugin that makes those endpoints read the session row instead of the cookie cache. */
export function liveSessionOnSensitiveEndpoints() {
  // TODO(bauth11): добавьте before-хук для путей из LIVE_SESSION_PATHS, после которого сессия этих эндпоинтов
  //   читается из базы, а не из cookie-кэша. Остальные эндпоинты (и /get-session) хук не трогает.
  return { id: "live-session-on-sensitive-endpoints" } satisfies BetterAuthPlugin;
}
