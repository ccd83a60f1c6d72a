// #region trpc-route
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext } from "../../../../server/context";
import { appRouter } from "../../../../server/routers/app";

// Next.js App Router: /api/trpc/<procedure>. Queries come as GET, mutations as POST.
function handler(req: Request) {
  return fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext });
}

export { handler as GET, handler as POST };
// #endregion trpc-route
