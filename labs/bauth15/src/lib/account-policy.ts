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
  // Code points, as PostgreSQL's char_length counts them: an emoji is one character, not two.
  return [...name].length > MAX_NAME_LENGTH ? "NAME_TOO_LONG" : undefined;
}

/** Why this password is refused, or undefined when it is fine. Length is Better Auth's rule (minPasswordLength). */
export function passwordProblem(password: string): AccountPolicyCode | undefined {
  const plain = password.trim();
  if (plain === "") return "PASSWORD_BLANK";
  // "Password" and " qwerty123 " are as easy to guess as their lower-case, trimmed forms.
  if (COMMON_PASSWORDS.has(plain.toLowerCase())) return "PASSWORD_TOO_COMMON";
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

/**
 * Better Auth's `hooks.before` runs before every endpoint, for requests to the
 * HTTP handler and for direct `auth.api.*` calls alike, and before any hashing
 * or INSERT. So the policy holds for every request that sets a name or a
 * password, and a refused sign-up costs no scrypt and writes no row.
 */
export const accountPolicy = createAuthMiddleware(async (ctx) => {
  // Not validated yet: Better Auth checks the body's schema after the hooks, so every field may be anything.
  const body: Record<string, unknown> = typeof ctx.body === "object" && ctx.body !== null ? ctx.body : {};
  const name = body.name;
  const passwordField = PASSWORD_FIELDS[ctx.path];
  const password = passwordField ? body[passwordField] : undefined;
  const problem =
    (NAME_PATHS.has(ctx.path) && typeof name === "string" ? nameProblem(name) : undefined) ??
    (typeof password === "string" ? passwordProblem(password) : undefined);
  if (problem) throw new APIError("BAD_REQUEST", { code: problem, message: ACCOUNT_POLICY_MESSAGES[problem] });
});
