// Not lab code: the browser side of Better Auth for the lecture's client slide.
// The labs never need a client (the graders call the handler and auth.api),
// so this file shows the calls on their own, type-checked against better-auth/react.
import { createAuthClient } from "better-auth/react";

// #region client
// Клиент в браузере: каждый вызов — HTTP-запрос к /api/auth/* того же сайта
export const authClient = createAuthClient();

export function useSignedInEmail(): string | null {
  const { data, isPending } = authClient.useSession(); // GET /api/auth/get-session
  return isPending ? null : (data?.user.email ?? null);
}

export async function signOutHere() {
  await authClient.signOut(); // POST /api/auth/sign-out, с Origin и cookie
}
// #endregion client
