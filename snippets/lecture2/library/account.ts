// Not lab code: account changes on the library app.
import type { BetterAuthOptions } from "better-auth";
import { auth } from "../../lecture1/library/auth";

/** The library's mail queue; a worker sends the letters. */
declare function queueLetter(to: string, subject: string, text: string): Promise<void>;

// #region change-password
export async function changeReaderPassword(headers: Headers, currentPassword: string, newPassword: string) {
  return auth.api.changePassword({
    headers, // чья сессия — та и меняет
    body: { currentPassword, newPassword, revokeOtherSessions: true },
  }); // остальные строки sessions удалены, этому устройству — новый токен
}
// #endregion change-password

// #region sign-up-privacy
export const LIBRARY_EMAIL_AND_PASSWORD = {
  enabled: true,
  requireEmailVerification: true, // сессия — только после письма; ответ на занятый адрес — как на новый
  onExistingUserSignUp: async ({ user }) => {
    await queueLetter(user.email, "Вы уже зарегистрированы", "Забыли пароль? Восстановите его на странице входа.");
  },
  resetPasswordTokenExpiresIn: 60 * 20, // ссылка сброса — 20 минут (по умолчанию час)
  revokeSessionsOnPasswordReset: true, // сброс выводит со всех устройств
} satisfies NonNullable<BetterAuthOptions["emailAndPassword"]>;
// #endregion sign-up-privacy
