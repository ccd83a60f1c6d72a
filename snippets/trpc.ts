// src/server/trpc.ts: этот файл НЕ импортирует src/lib/auth.ts.
// Способ прочитать сессию приходит снаружи (dependency injection).
import { initTRPC, TRPCError } from "@trpc/server";

// #region context
export interface ContextUser {
  readonly id: string;
  readonly email: string;
  readonly role: string;
}

/** Зависимость, которую передаёт точка сборки (route handler). */
export interface AuthPort {
  getUser(headers: Headers): Promise<ContextUser | null>;
}

export function makeCreateContext(authPort: AuthPort) {
  return async ({ req }: { req: Request }) => ({
    user: await authPort.getUser(req.headers),
  });
}

export type Context = Awaited<ReturnType<ReturnType<typeof makeCreateContext>>>;
// #endregion context

// #region procedures
const t = initTRPC.context<Context>().create();

export const router = t.router;
export const publicProcedure = t.procedure;

export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) {
    throw new TRPCError({ code: "UNAUTHORIZED" });
  }
  // Дальше по цепочке ctx.user имеет тип ContextUser, а не ContextUser | null.
  return next({ ctx: { user: ctx.user } });
});
// #endregion procedures
