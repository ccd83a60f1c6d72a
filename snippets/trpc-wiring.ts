// Точка сборки: единственное место, где встречаются Better Auth и tRPC.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { auth } from "./auth";
import { notesRouter } from "./notes";
import { makeCreateContext, router } from "./trpc";

export const appRouter = router({ notes: notesRouter });

// #region wiring
const createContext = makeCreateContext({
  async getUser(headers) {
    const result = await auth.api.getSession({ headers });
    return result?.user ?? null; // { id, email, role, ... }
  },
});

// src/app/api/trpc/[trpc]/route.ts
function handler(req: Request) {
  return fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext });
}
export { handler as GET, handler as POST };
// #endregion wiring
