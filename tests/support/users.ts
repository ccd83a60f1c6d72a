import { randomBytes } from "node:crypto";
import { appRequest, cookieHeader, readJson, type AuthHandler } from "./http.ts";

export const TEST_PASSWORD = "correct-horse-battery-staple";

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  /** `Cookie` header value of the session the sign-up opened. */
  cookie: string;
}

/** A unique address, so tests in one file never collide on the unique email. */
export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}@example.ru`;
}

/**
 * Signs a user up through the real HTTP handler, as a browser would. Each call
 * costs one scrypt hash (about 100 ms here), so create users only where needed.
 */
export async function signUpUser(auth: AuthHandler, overrides: Partial<Pick<TestUser, "email" | "name" | "password">> = {}): Promise<TestUser> {
  const user = { email: uniqueEmail(), name: "Студент", password: TEST_PASSWORD, ...overrides };
  const response = await auth.handler(appRequest("/api/auth/sign-up/email", { body: user }));
  const body = await readJson(response);
  if (response.status !== 200) {
    throw new Error(`регистрация тестового пользователя не прошла: ${response.status} ${JSON.stringify(body)}`);
  }
  const id = (body.user as { id?: unknown } | undefined)?.id;
  return { ...user, id: String(id), cookie: cookieHeader(response) };
}

/** Signs in through the real HTTP handler and returns the response, whose cookies a test can replay. */
export function signInRequest(auth: AuthHandler, email: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
  return auth.handler(appRequest("/api/auth/sign-in/email", { body: { email, password }, headers }));
}
