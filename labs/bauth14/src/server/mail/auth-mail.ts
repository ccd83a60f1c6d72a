import type { User } from "better-auth";

// The letters Better Auth asks the app to send. Each `url` is Better Auth's own
// link to /api/auth/... with the token inside: it goes into the letter as is,
// and nowhere else (not into logs, not into the response).

// TODO(bauth14): напишите четыре письма через sendMail из ./outbox — тема и текст по-русски.
//   Кому уходит каждое письмо и что в нём должно быть, сказано в контракте README.

/** After sign-up (and a sign-in before verification): the link confirms the address. */
export async function sendVerificationEmail(data: { user: User; url: string }): Promise<void> {
  void data;
  throw new Error("sendVerificationEmail ещё не написана (TODO bauth14)");
}

/** A sign-up with an address that already has an account: the owner learns of it, the form learns nothing. */
export async function notifyExistingUser(data: { user: User }): Promise<void> {
  void data;
  throw new Error("notifyExistingUser ещё не написана (TODO bauth14)");
}

/** The reset link: it works for a short time, and only once. */
export async function sendResetPassword(data: { user: User; url: string }): Promise<void> {
  void data;
  throw new Error("sendResetPassword ещё не написана (TODO bauth14)");
}

/** Goes to the OLD address: the owner approves the change before any letter reaches the new one. */
export async function sendChangeEmailConfirmation(data: { user: User; newEmail: string; url: string }): Promise<void> {
  void data;
  throw new Error("sendChangeEmailConfirmation ещё не написана (TODO bauth14)");
}
