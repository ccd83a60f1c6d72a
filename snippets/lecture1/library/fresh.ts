import { auth, LIBRARY_SESSION } from "./auth";

export async function mayCloseLibraryCard(request: Request): Promise<boolean> {
  // #region fresh-check
  // Решаем по строке в базе, а не по копии в cookie-кэше
  const found = await auth.api.getSession({
    headers: request.headers,
    query: { disableCookieCache: true },
  });
  if (!found) return false;
  // возраст входа — от createdAt: продление его не трогает
  const signedInMs = Date.now() - found.session.createdAt.getTime();
  return signedInMs < LIBRARY_SESSION.freshAge * 1000;
  // #endregion fresh-check
}
