// Not lab code: the cookie cache on the library app, and a read that bypasses it.
import type { BetterAuthOptions } from "better-auth";
import { auth } from "../../lecture1/library/auth";

type SessionOptions = NonNullable<BetterAuthOptions["session"]>;

// #region cookie-cache
export const CACHED_LIBRARY_SESSION = {
  expiresIn: 60 * 60 * 24 * 14,
  updateAge: 60 * 60 * 12,
  cookieCache: {
    enabled: true,
    maxAge: 60 * 2, // отзыв — не позже 2 минут
    strategy: "jwe", // копию не прочитать
    version: "2", // сменить — сбросить все копии
  },
} satisfies SessionOptions;
// #endregion cookie-cache

/** Fines of one reader; the library's billing lives elsewhere. */
declare function listFines(readerId: string): Promise<{ book: string; amount: number }[]>;

// #region live-read
export async function loadFinesPage(headers: Headers) {
  // штрафы и блокировки — только по живой строке sessions
  const found = await auth.api.getSession({
    headers,
    query: { disableCookieCache: true }, // мимо …session_data
  });
  if (found === null) throw new Error("Сессия отозвана или истекла: войдите снова.");
  return listFines(found.user.id);
}
// #endregion live-read
