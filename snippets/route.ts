// src/app/api/auth/[...all]/route.ts: все HTTP-эндпоинты Better Auth
// (/api/auth/sign-up/email, /sign-in/email, /get-session, /sign-out, ...).
// #region route
import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "./auth";

export const { GET, POST } = toNextJsHandler(auth);
// #endregion route
