import { auth } from "./auth";

export async function signInReader(email: string, password: string, request: Request) {
  // #region sign-in-call
  const result = await auth.api.signInEmail({
    body: { email, password },
    headers: request.headers, // User-Agent и IP запишутся в строку сессии
    returnHeaders: true, // без него вернётся только тело, и cookie потеряется
  });
  result.response.user.email; // тело ответа
  result.headers.getSetCookie(); // ["library.session_token=…; HttpOnly; …"]
  // #endregion sign-in-call
  return result;
}
