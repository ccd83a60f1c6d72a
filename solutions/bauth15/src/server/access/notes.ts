import { TRPCError } from "@trpc/server";
import { desc, eq } from "drizzle-orm";
import { db } from "../../db";
import { notes } from "../../db/schema";
import type { CurrentUser } from "../auth/session";

// The access layer. Auth answered "who is this?" (ctx.user); this file answers
// "may this user do that?". Procedures call it and decide nothing themselves.

export type Note = typeof notes.$inferSelect;

/** The rule, kept pure so it is easy to read and to change in one place. */
export function canReadNote(user: CurrentUser, note: Pick<Note, "ownerId">): boolean {
  return note.ownerId === user.id;
}

/**
 * NOT_FOUND when there is no such note, FORBIDDEN when it is someone else's. We tell the two
 * apart because ids are random uuids: knowing one exists reveals nothing useful, and a clear
 * 403 helps the client. Where existence itself is secret, answer NOT_FOUND in both cases.
 */
export async function readNote(user: CurrentUser, noteId: string): Promise<Note> {
  const [note] = await db.select().from(notes).where(eq(notes.id, noteId));
  if (!note) throw new TRPCError({ code: "NOT_FOUND", message: "Заметка не найдена." });
  if (!canReadNote(user, note)) throw new TRPCError({ code: "FORBIDDEN", message: "Это чужая заметка." });
  return note;
}

/** A list is filtered in the query itself: someone else's row never leaves the database. */
export function listNotes(user: CurrentUser): Promise<Note[]> {
  return db.select().from(notes).where(eq(notes.ownerId, user.id)).orderBy(desc(notes.createdAt));
}

/** The owner comes from the session, never from the client's input. */
export async function createNote(user: CurrentUser, input: { title: string; body: string }): Promise<Note> {
  const [note] = await db.insert(notes).values({ ownerId: user.id, title: input.title, body: input.body }).returning();
  return note!;
}
