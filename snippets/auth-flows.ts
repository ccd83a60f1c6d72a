// Вызовы Better Auth на сервере: регистрация, вход, чтение сессии, выход.
// Заголовки (cookie, origin, user-agent) передаются явно: у auth.api нет «текущего запроса».
import { auth } from "./auth";

export interface Credentials {
  readonly name: string;
  readonly email: string;
  readonly password: string;
}

export async function signUp(input: Credentials, headers: Headers) {
  // #region sign-up
  const { user } = await auth.api.signUpEmail({
    body: { name: input.name, email: input.email, password: input.password },
    headers,
  });
  // В users: строка без пароля, role = 'USER'.
  // В accounts: provider_id = 'credential', password = хэш scrypt.
  // Тот же email второй раз: APIError 422 USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL.
  // #endregion sign-up
  return user;
}

export async function signIn(email: string, password: string, headers: Headers) {
  // #region sign-in
  const { headers: responseHeaders, response } = await auth.api.signInEmail({
    body: { email, password },
    headers,
    returnHeaders: true, // нужен Set-Cookie, который ушёл бы браузеру
  });
  // Неверная пара: APIError 401 INVALID_EMAIL_OR_PASSWORD (без подсказки, что именно).
  const setCookie = responseHeaders.get("set-cookie");
  // bauth.session_token=<token>.<HMAC-подпись>; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax
  // #endregion sign-in
  return { user: response.user, setCookie };
}

export async function currentUser(headers: Headers) {
  // #region get-session
  const result = await auth.api.getSession({ headers });
  if (!result) {
    return null; // нет cookie, неверная подпись, нет строки или сессия истекла
  }
  const { user, session } = result;
  // user.id, user.email, user.role; session.expiresAt, session.createdAt
  // #endregion get-session
  return { user, session };
}

export async function signOut(headers: Headers) {
  // #region sign-out
  const { headers: responseHeaders } = await auth.api.signOut({
    headers,
    returnHeaders: true,
  });
  // Строка в sessions удалена; ответ стирает cookie:
  // Set-Cookie: bauth.session_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax
  // #endregion sign-out
  return responseHeaders.get("set-cookie");
}

export async function signOutEverywhere(headers: Headers) {
  // #region sign-out-everywhere
  // Удаляет ВСЕ строки sessions этого пользователя: каждое устройство
  // при следующем запросе получит getSession() === null.
  await auth.api.revokeSessions({ headers });
  // #endregion sign-out-everywhere
}
