// Not lab code: lecture 2's examples on the library app of lecture 1 (readers borrow books).
// The session clocks in production: an absolute limit Better Auth 1.7 lacks, strict clocks, remember-me.
import type { BetterAuthOptions } from "better-auth";
import { auth } from "../../lecture1/library/auth";

type SessionOptions = NonNullable<BetterAuthOptions["session"]>;

// #region absolute-limit
// Better Auth 1.7 считает только простой; предел «от входа» — наш
const MAX_SESSION_AGE_MS = 1000 * 60 * 60 * 24 * 30; // 30 дней от входа

export async function readerWithinAbsoluteLimit(headers: Headers) {
  const found = await auth.api.getSession({ headers });
  if (found === null) return null;
  const age = Date.now() - found.session.createdAt.getTime();
  if (age <= MAX_SESSION_AGE_MS) return found.user;
  await auth.api.revokeSession({ headers, body: { token: found.session.token } });
  return null; // сессия старше предела: снова вход
}
// #endregion absolute-limit

// #region strict-clocks
// Компьютер в читальном зале: смена — 8 часов, и ни минутой дольше
export const READING_ROOM_SESSION = {
  expiresIn: 60 * 60 * 8, // срок от входа
  disableSessionRefresh: true, // expires_at не сдвигается: предел строгий
  freshAge: 60 * 5,
} satisfies SessionOptions;
// #endregion strict-clocks

// #region remember-me
export async function signInAtKiosk(email: string, password: string, headers: Headers) {
  // rememberMe: false — cookie без Max-Age, строка живёт сутки и не продлевается
  return auth.api.signInEmail({ body: { email, password, rememberMe: false }, headers });
}
// #endregion remember-me
