// #region cookie-prefix
/**
 * The one name of the session cookie's prefix. The auth config writes the
 * cookie under it (advanced.cookiePrefix) and src/proxy.ts reads it back
 * (getSessionCookie), so both always agree. Lives in its own tiny module: the
 * proxy imports it without pulling in the database or Better Auth's instance.
 *
 * Only the app's own part of the name: Better Auth adds "__Secure-" itself when
 * the cookies are secure (https), giving "__Secure-bauth.session_token".
 */
export const SESSION_COOKIE_PREFIX = "bauth";
// #endregion cookie-prefix
