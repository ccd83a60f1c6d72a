import type { User } from "better-auth";
import { sendMail } from "./outbox";

// The letters Better Auth asks the app to send. Each `url` is Better Auth's own
// link to /api/auth/... with the token inside: it goes into the letter as is,
// and nowhere else (not into logs, not into the response).

/** After sign-up (and a sign-in before verification): the link confirms the address. */
export async function sendVerificationEmail({ user, url }: { user: User; url: string }): Promise<void> {
  await sendMail({
    to: user.email,
    subject: "Подтвердите адрес электронной почты",
    text: `Здравствуйте, ${user.name}!\n\nЧтобы подтвердить адрес, откройте ссылку:\n${url}\n\nЕсли вы не регистрировались, просто удалите это письмо.`,
  });
}

/** A sign-up with an address that already has an account: the owner learns of it, the form learns nothing. */
export async function notifyExistingUser({ user }: { user: User }): Promise<void> {
  await sendMail({
    to: user.email,
    subject: "Попытка зарегистрироваться с вашим адресом",
    text:
      `Здравствуйте, ${user.name}!\n\nКто-то попытался создать новый аккаунт с этим адресом, но аккаунт у вас уже есть. ` +
      "Если это были вы, войдите или восстановите пароль. Если нет, ничего делать не нужно: аккаунт не изменился.",
  });
}

/** The reset link lives as long as resetPasswordTokenExpiresIn and works once. */
export async function sendResetPassword({ user, url }: { user: User; url: string }): Promise<void> {
  await sendMail({
    to: user.email,
    subject: "Сброс пароля",
    text: `Здравствуйте, ${user.name}!\n\nЧтобы задать новый пароль, откройте ссылку (она действует недолго и только один раз):\n${url}\n\nЕсли вы не просили сброс, просто удалите это письмо: пароль останется прежним.`,
  });
}

/** Goes to the OLD address: the owner approves the change before any letter reaches the new one. */
export async function sendChangeEmailConfirmation({ user, newEmail, url }: { user: User; newEmail: string; url: string }): Promise<void> {
  await sendMail({
    to: user.email,
    subject: "Подтвердите смену адреса электронной почты",
    text: `Здравствуйте, ${user.name}!\n\nВ аккаунте попросили сменить адрес на ${newEmail}. Если это вы, откройте ссылку:\n${url}\n\nЕсли нет, не открывайте её и смените пароль.`,
  });
}
