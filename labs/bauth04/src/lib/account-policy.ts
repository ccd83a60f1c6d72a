import { APIError, createAuthMiddleware } from "better-auth/api";
import { COMMON_PASSWORDS } from "./common-passwords";

/** Enough for any real full name; a megabyte-long "name" would be stored and rendered on every page. */
export const MAX_NAME_LENGTH = 100;

/**
 * The refusals of the course's account policy. The HTTP API answers with this
 * text, and signUp() shows the same text in the form.
 */
export const ACCOUNT_POLICY_MESSAGES = {
  NAME_TOO_LONG: `Имя слишком длинное: не больше ${MAX_NAME_LENGTH} символов.`,
  PASSWORD_BLANK: "Пароль не может состоять из одних пробелов.",
  PASSWORD_TOO_COMMON: "Этот пароль слишком распространён: его подбирают первым. Придумайте другой.",
} as const;

export type AccountPolicyCode = keyof typeof ACCOUNT_POLICY_MESSAGES;

/** Why this name is refused, or undefined when it is fine. */
export function nameProblem(name: string): AccountPolicyCode | undefined {
  // TODO(bauth04): имя длиннее MAX_NAME_LENGTH символов → "NAME_TOO_LONG", иначе undefined.
  return undefined;
}

/** Why this password is refused, or undefined when it is fine. Length is Better Auth's rule (minPasswordLength). */
export function passwordProblem(password: string): AccountPolicyCode | undefined {
  // TODO(bauth04): пароль из одних пробелов → "PASSWORD_BLANK"; распространённый пароль из COMMON_PASSWORDS
  // (регистр и пробелы по краям не важны) → "PASSWORD_TOO_COMMON"; иначе undefined.
  return undefined;
}

/** Endpoints whose body sets a name or a password, with the field that carries the password. */
const NAME_PATHS = new Set(["/sign-up/email", "/update-user"]);
const PASSWORD_FIELDS: Record<string, string> = {
  "/sign-up/email": "password",
  "/change-password": "newPassword",
  "/reset-password": "newPassword",
  "/set-password": "newPassword",
};

/** Better Auth's `hooks.before`: runs before every endpoint, for HTTP requests and direct auth.api.* calls alike. */
export const accountPolicy = createAuthMiddleware(async (ctx) => {
  // TODO(bauth04): проверьте тело запроса до того, как Better Auth его обработает: имя — на путях из NAME_PATHS,
  // пароль — в поле, которое PASSWORD_FIELDS называет для этого пути. Тело ещё не проверено схемой:
  // поля могут быть чем угодно. Нарушение — отказ Better Auth 400 с кодом правила и его сообщением.
});
