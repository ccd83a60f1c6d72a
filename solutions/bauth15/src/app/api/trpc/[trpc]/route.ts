import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { readAppUrl } from "../../../../lib/env";
import { createContext } from "../../../../server/context";
import { appRouter } from "../../../../server/routers/app";
import { crossOriginRefusal } from "../../../../server/same-origin";

// Data changes only from the app's own pages: the origin of BETTER_AUTH_URL.
const trustedOrigins = [new URL(readAppUrl()).origin];

// Next.js App Router: /api/trpc/<procedure>. Queries come as GET, mutations as POST.
async function handler(req: Request): Promise<Response> {
  // A cross-site POST stops here, before its cookie becomes ctx.user.
  const refusal = crossOriginRefusal(req, trustedOrigins);
  if (refusal) return refusal;
  return fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext });
}

export { handler as GET, handler as POST };
