// Not lab code: how a test (the bauth07 grader, for one) calls the router with a stub
// instead of Better Auth. Type-checked against the lab (its exports are the same in labs/ and solutions/), so it cannot drift.
import type { CurrentUser } from "../labs/bauth07/src/server/auth/session";
import { appRouter } from "../labs/bauth07/src/server/routers/app";
import { createContextFactory } from "../labs/bauth07/src/server/trpc";

export async function readBobsNoteAsAlice(alice: CurrentUser, bobsNoteId: string) {
  // #region router-test
  const createContext = createContextFactory({ getUser: async () => alice });
  const req = new Request("http://localhost/api/trpc");
  const caller = appRouter.createCaller(await createContext({ req }));
  await caller.me(); // alice: без cookie, без Better Auth
  await caller.notes.byId({ id: bobsNoteId }); // TRPCError FORBIDDEN
  // #endregion router-test
}
