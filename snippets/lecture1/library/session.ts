import { auth } from "./auth";

export async function whoBorrows(request: Request) {
  // #region get-session-call
  // Подпись, строка в sessions, срок, продление — всё внутри одного вызова
  const found = await auth.api.getSession({ headers: request.headers });
  if (found === null) return "аноним"; // нет cookie, подделка, нет строки, срок вышел
  found.session.expiresAt; // когда сессия умрёт без активности
  found.user.plan; // дополнительное поле — тоже здесь, с типом
  // #endregion get-session-call
  return found.user.email;
}

/** What the library's server code knows about the caller. */
export type Reader = { id: string; email: string; plan: string };

/** The library's counterpart of a lab's getCurrentUser, for the tRPC examples. */
export async function currentReader(headers: Headers): Promise<Reader | null> {
  const found = await auth.api.getSession({ headers });
  return found && { id: found.user.id, email: found.user.email, plan: found.user.plan };
}
