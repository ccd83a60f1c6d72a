import { isAPIError } from "better-auth/api";
import { auth } from "./auth";

export async function registerReader(request: Request) {
  // #region sign-up-call
  // Вызов на сервере: функция, а не HTTP-запрос
  const { user: reader } = await auth.api.signUpEmail({
    body: { name: "Анна", email: "anna@library.example", password: "длинный-пароль" },
    headers: request.headers, // IP и User-Agent попадут в сессию
  });
  // reader: { id, email, name, plan, … } — без пароля и без хеша
  // #endregion sign-up-call
  return reader;
}

export async function registerTwice(request: Request) {
  // #region api-error
  try {
    await registerReader(request);
  } catch (error) {
    if (!isAPIError(error)) throw error; // «база недоступна» — не ответ для формы
    error.statusCode; // 422
    error.body?.code; // "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL"
  }
  // #endregion api-error
}
