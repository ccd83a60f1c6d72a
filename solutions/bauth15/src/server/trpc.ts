import { initTRPC, TRPCError } from "@trpc/server";
// Type-only: erased at build time, so this file never loads Better Auth.
import type { CurrentUser } from "./auth/session";

export type Context = { user: CurrentUser | null };

/** What tRPC needs from authentication, and nothing more: "who sent these headers?". */
export interface AuthDeps {
  getUser(headers: Headers): Promise<CurrentUser | null>;
}

/**
 * Dependency injection: the caller decides how a user is found. The app passes Better Auth's
 * getCurrentUser (src/server/context.ts); a test passes a stub and needs no cookie or database.
 */
export function createContextFactory(deps: AuthDeps) {
  // The fetch adapter calls this once per HTTP request, even for a batch of procedures.
  return async ({ req }: { req: Request }): Promise<Context> => ({ user: await deps.getUser(req.headers) });
}

const t = initTRPC.context<Context>().create();

export const router = t.router;
export const publicProcedure = t.procedure;

/** Anonymous calls stop here with 401, before any procedure code runs. */
export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Нужно войти в систему." });
  // From here on ctx.user is CurrentUser, not CurrentUser | null.
  return next({ ctx: { user: ctx.user } });
});
