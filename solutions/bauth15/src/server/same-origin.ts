// CSRF defence for the app's own endpoints (the tRPC route). Better Auth checks
// Origin on /api/auth/* itself; nothing does that for /api/trpc/* unless we do.
// A browser attaches the session cookie to a request another page sends: a form
// post from another port of localhost or from a sibling subdomain (same-site, so
// SameSite=Lax lets the cookie through), or from any site in an old browser.
// The cookie proves who the user is, not who wrote the request. Origin does:
// the browser sets it, and a page cannot change it.

/** Methods that must not change anything. tRPC serves queries over GET and refuses a mutation sent as GET. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * True when the request may run: a safe method, or a request whose page is on
 * one of the trusted origins. The page is the Origin header; without one (an old
 * browser, a privacy extension) the Referer's origin, as Better Auth's own check
 * does. A request with neither, or with the opaque origin "null" (a sandboxed
 * iframe, a file:// page), is refused: every current browser sends Origin with a
 * POST, so only a script can lack both, and a script can just as well send Origin.
 */
export function isSameOriginRequest(req: Request, trustedOrigins: readonly string[]): boolean {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return true;
  const page = req.headers.get("origin") ?? req.headers.get("referer");
  if (!page || !URL.canParse(page)) return false;
  // Whole origins, compared exactly: a prefix test would let http://localhost:30001 (another port) through.
  const origin = new URL(page).origin;
  return trustedOrigins.some((trusted) => URL.canParse(trusted) && new URL(trusted).origin === origin);
}

export const CROSS_ORIGIN_MESSAGE =
  "Запрос отклонён: изменять данные можно только со страниц этого приложения (заголовок Origin указывает на другой сайт).";

/** A 403 for a request from elsewhere, or null when it may go on to tRPC. */
export function crossOriginRefusal(req: Request, trustedOrigins: readonly string[]): Response | null {
  if (isSameOriginRequest(req, trustedOrigins)) return null;
  // The shape of a tRPC error (-32003 is tRPC's FORBIDDEN), so a tRPC client reads it like any other refusal.
  return Response.json(
    { error: { message: CROSS_ORIGIN_MESSAGE, code: -32003, data: { code: "FORBIDDEN", httpStatus: 403 } } },
    { status: 403 },
  );
}
