import { createContextFactory } from "./trpc";

// The composition root: the one module that knows both Better Auth and tRPC.
// TODO(bauth07): передайте настоящий способ найти пользователя — getCurrentUser из ./auth/session.
export const createContext = createContextFactory({ getUser: async () => null });
