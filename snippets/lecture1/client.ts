// Not lab code: the browser side of Better Auth for the lecture's client slide.
// The labs never need a client (the graders call the handler and auth.api),
// so this file shows the calls on their own, type-checked against better-auth/react.
import { createAuthClient } from "better-auth/react";

// #region client
// Клиент в браузере: каждый вызов — HTTP-запрос к /api/auth/*
export const authClient = createAuthClient(); // baseURL — этот же сайт

export function useSignedInEmail(): string | null {
  // GET /api/auth/get-session; после входа и выхода перечитает сам
  const { data, isPending } = authClient.useSession();
  return isPending ? null : (data?.user.email ?? null);
}

export async function signOutHere() {
  await authClient.signOut(); // POST /api/auth/sign-out с cookie и Origin
}
// #endregion client
