// #region composition-root
// Единственный модуль, который знает и Better Auth, и tRPC
import { currentReader } from "./session";
import { libraryContextFactory } from "./trpc";

export const createContext = libraryContextFactory({ findReader: currentReader });
// #endregion composition-root
