// Слой доступа: «можно ли» решается здесь, а не в auth и не в UI.
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import { z } from "zod";
import { db } from "./db";
import { users } from "./schema";
import { type ContextUser, protectedProcedure, router } from "./trpc";

export const notes = pgTable("notes", {
  id: uuid("id").primaryKey().defaultRandom(),
  ownerId: uuid("owner_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  text: text("text").notNull(),
});

// #region access
export async function readNote(user: ContextUser, noteId: string) {
  const [note] = await db.select().from(notes).where(eq(notes.id, noteId));
  if (!note) {
    throw new TRPCError({ code: "NOT_FOUND" });
  }
  if (note.ownerId !== user.id) {
    // Пользователь известен (auth ответил «кто»), но права нет.
    throw new TRPCError({ code: "FORBIDDEN" });
  }
  return note;
}
// #endregion access

// #region router
export const notesRouter = router({
  byId: protectedProcedure
    .input(z.object({ id: z.uuid() }))
    .query(({ ctx, input }) => readNote(ctx.user, input.id)),
});
// #endregion router
