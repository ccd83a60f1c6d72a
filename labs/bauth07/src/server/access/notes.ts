import { TRPCError } from "@trpc/server";
import { desc, eq } from "drizzle-orm";
import { db } from "../../db";
import { notes } from "../../db/schema";
import type { CurrentUser } from "../auth/session";

// The access layer. Auth answered "who is this?" (ctx.user); this file answers
// "may this user do that?". Procedures call it and decide nothing themselves.

export type Note = typeof notes.$inferSelect;

export function canReadNote(user: CurrentUser, note: Pick<Note, "ownerId">): boolean {
  // TODO(bauth07): читать заметку может только её владелец.
  return true;
}

export async function readNote(user: CurrentUser, noteId: string): Promise<Note> {
  const [note] = await db.select().from(notes).where(eq(notes.id, noteId));
  // TODO(bauth07): нет заметки — ошибка tRPC «не найдено»; заметка есть, но правило canReadNote
  // её не разрешает — ошибка tRPC «доступ запрещён».
  return note!;
}

export function listNotes(user: CurrentUser): Promise<Note[]> {
  // TODO(bauth07): только заметки этого пользователя, и отфильтрованы они в самом SQL-запросе.
  return db.select().from(notes).orderBy(desc(notes.createdAt));
}

/** The owner comes from the session, never from the client's input. */
export async function createNote(user: CurrentUser, input: { title: string; body: string }): Promise<Note> {
  const [note] = await db.insert(notes).values({ ownerId: user.id, title: input.title, body: input.body }).returning();
  return note!;
}
