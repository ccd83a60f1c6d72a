import { initTRPC, TRPCError } from "@trpc/server";
// Type-only: erased at build time, so this module never loads Better Auth.
import type { Reader } from "./session";

// #region context
export type LibraryContext = { reader: Reader | null };

// Что tRPC нужно от аутентификации — и ничего больше
export interface ReaderLookup {
  findReader(headers: Headers): Promise<Reader | null>;
}

export function libraryContextFactory(lookup: ReaderLookup) {
  return async ({ req }: { req: Request }): Promise<LibraryContext> => ({
    reader: await lookup.findReader(req.headers),
  });
}
// #endregion context

const t = initTRPC.context<LibraryContext>().create();
export const libraryRouter = t.router;

// #region reader-procedure
// middleware: аноним останавливается здесь, до кода процедуры
export const readerProcedure = t.procedure.use(({ ctx, next }) => {
  if (ctx.reader === null) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Сначала войдите." });
  }
  // дальше ctx.reader: Reader, а не Reader | null
  return next({ ctx: { reader: ctx.reader } });
});
// #endregion reader-procedure
