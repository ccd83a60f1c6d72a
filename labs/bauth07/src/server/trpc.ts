import { initTRPC, TRPCError } from "@trpc/server";
// Type-only: erased at build time, so this file never loads Better Auth.
import type { CurrentUser } from "./auth/session";

export type Context = { user: CurrentUser | null };

/** What tRPC needs from authentication, and nothing more: "who sent these headers?". */
export interface AuthDeps {
  getUser(headers: Headers): Promise<CurrentUser | null>;
}

export function createContextFactory(deps: AuthDeps) {
  // TODO(bauth07): контекст каждого запроса должен нести пользователя, которого deps находит по заголовкам запроса.
  // Не импортируйте сюда src/lib/auth.ts: способ найти пользователя приходит снаружи, через deps.
  return async ({ req }: { req: Request }): Promise<Context> => ({ user: null });
}

const t = initTRPC.context<Context>().create();

export const router = t.router;
export const publicProcedure = t.procedure;

export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  // TODO(bauth07): остановите анонима ошибкой tRPC «не вошёл» (401) до кода процедуры;
  // тогда дальше ctx.user точно есть, и приведение типа «as CurrentUser» станет не нужно.
  return next({ ctx: { user: ctx.user as CurrentUser } });
});
