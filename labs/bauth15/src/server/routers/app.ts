import { z } from "zod";
import { createNote, listNotes, readNote } from "../access/notes";
import { protectedProcedure, router } from "../trpc";

// The router knows procedures and the access layer, never Better Auth: the user arrives in ctx.
export const appRouter = router({
  me: protectedProcedure.query(({ ctx }) => ctx.user),
  notes: router({
    // z.object drops unknown keys, so an ownerId in the input never reaches createNote.
    create: protectedProcedure
      .input(z.object({ title: z.string().trim().min(1).max(200), body: z.string().max(10_000).default("") }))
      .mutation(({ ctx, input }) => createNote(ctx.user, input)),
    byId: protectedProcedure.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => readNote(ctx.user, input.id)),
    list: protectedProcedure.query(({ ctx }) => listNotes(ctx.user)),
  }),
});

export type AppRouter = typeof appRouter;
