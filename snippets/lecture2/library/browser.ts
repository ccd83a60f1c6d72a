// Not lab code: response headers of the library app.

// #region security-headers
export const libraryHeaders = (nonce: string): Record<string, string> => ({
  "Content-Security-Policy": [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`, // только с nonce ответа
    "object-src 'none'; base-uri 'none'; form-action 'self'",
    "frame-ancestors 'none'", // страницу входа не встроить в чужой iframe
  ].join("; "),
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains", // 2 года https
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin", // адрес с токеном — не наружу
});
// #endregion security-headers

// #region clear-site-data
export function afterSignOut(setCookie: readonly string[]): Response {
  const headers = new Headers({ Location: "/", "Clear-Site-Data": '"cache", "storage"' });
  for (const line of setCookie) headers.append("Set-Cookie", line); // стереть cookie сессии
  return new Response(null, { status: 303, headers }); // браузер забудет кэш и localStorage
}
// #endregion clear-site-data
