// Would live at src/app/api/auth/[...all]/route.ts of the library app.
// #region auth-route
import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "./auth";

// sign-up, sign-in, get-session, sign-out… — все пути /api/auth/* одним маршрутом
export const { GET, POST } = toNextJsHandler(auth);
// #endregion auth-route
