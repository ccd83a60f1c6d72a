// Not lab code: account changes on the library app.
import type { BetterAuthOptions } from "better-auth";
import { auth } from "../../lecture1/library/auth";

const ALREADY_REGISTERED_TEXT = "Кто-то указал ваш адрес при регистрации. Забыли пароль? Восстановите его на странице входа.";

/** The library's mail queue; a worker sends the letters. */
declare function queueLetter(to: string, subject: string, text: string): Promise<void>;

type Passwords = { currentPassword: string; newPassword: string };

// #region change-password
export async function changeReaderPassword(headers: Headers, passwords: Passwords) {
  return auth.api.changePassword({
    headers, // чья сессия — та и меняет
    body: { ...passwords, revokeOtherSessions: true },
  }); // остальные сессии удалены, этому устройству — новый токен
}
// #endregion change-password

// #region sign-up-privacy
export const LIBRARY_EMAIL_AND_PASSWORD = {
  enabled: true,
  requireEmailVerification: true, // сессия — только после письма
  onExistingUserSignUp: async ({ user }) => {
    await queueLetter(user.email, "Вы уже зарегистрированы", ALREADY_REGISTERED_TEXT);
  },
  resetPasswordTokenExpiresIn: 60 * 20, // 20 минут (по умолчанию час)
  revokeSessionsOnPasswordReset: true, // выйти со всех устройств
} satisfies NonNullable<BetterAuthOptions["emailAndPassword"]>;
// #endregion sign-up-privacy
