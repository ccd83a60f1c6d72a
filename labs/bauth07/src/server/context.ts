import { createContextFactory } from "./trpc";

// The composition root: the one module that knows both Better Auth and tRPC.
// TODO(bauth07): замените заглушку настоящим способом найти пользователя по заголовкам (его написали в bauth06).
export const createContext = createContextFactory({ getUser: async () => null });
