import { desc, eq } from "drizzle-orm";
import { db } from "./db";
import { loans } from "./schema";
import { currentReader } from "./session";

export class SignInRequired extends Error {}

// #region load-my-loans
// Данные страницы /my-loans — только через эту функцию
export async function loadMyLoans(headers: Headers) {
  const reader = await currentReader(headers); // подпись, строка, срок — каждый раз
  if (!reader) throw new SignInRequired(); // страница отправит на /sign-in
  const mine = eq(loans.readerId, reader.id); // фильтр в SQL: чужое не покидает базу
  return db.select().from(loans).where(mine).orderBy(desc(loans.dueAt));
}
// #endregion load-my-loans
