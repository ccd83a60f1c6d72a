import { auth } from "./auth";

export async function leaveLibrary(request: Request) {
  // #region sign-out-call
  // DELETE строки этой сессии + Set-Cookie с Max-Age=0
  const out = await auth.api.signOut({ headers: request.headers, returnHeaders: true });
  out.headers.getSetCookie(); // передать браузеру — иначе cookie останется
  // #endregion sign-out-call
}

export async function lostMyPhone(request: Request) {
  // #region revoke-call
  // DELETE всех строк этого читателя; Max-Age=0 — только этому браузеру
  await auth.api.revokeSessions({ headers: request.headers, returnHeaders: true });
  // без живой сессии — APIError 401: чужие сессии так не завершить
  // #endregion revoke-call
}
