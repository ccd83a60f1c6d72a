import { getCurrentUser } from "./auth/session";
import { createContextFactory } from "./trpc";

// The composition root: the one module that knows both Better Auth and tRPC.
export const createContext = createContextFactory({ getUser: getCurrentUser });
