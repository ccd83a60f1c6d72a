import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "./db";
import { loans } from "./schema";
import type { Reader } from "./session";
import { libraryRouter, readerProcedure } from "./trpc";

// #region read-loan
type Loan = typeof loans.$inferSelect;

// Правило — чистая функция: одно место, легко прочитать и поменять
const mayReadLoan = (reader: Reader, loan: Loan) => loan.readerId === reader.id;

export async function readLoan(reader: Reader, loanId: string): Promise<Loan> {
  const [loan] = await db.select().from(loans).where(eq(loans.id, loanId));
  if (!loan) throw new TRPCError({ code: "NOT_FOUND" }); // 404
  if (!mayReadLoan(reader, loan)) throw new TRPCError({ code: "FORBIDDEN" }); // 403
  return loan;
}
// #endregion read-loan

export const loansRouter = libraryRouter({
  // #region by-id
  // процедура ничего не решает сама: «кто» — readerProcedure, «можно ли» — readLoan
  byId: readerProcedure
    .input(z.object({ id: z.uuid() }))
    .query(({ ctx, input }) => readLoan(ctx.reader, input.id)),
  // #endregion by-id
});
