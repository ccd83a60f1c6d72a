// #region auth-route
import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "../../../../lib/auth";

// Every Better Auth endpoint (/api/auth/sign-in/email, /get-session, /sign-out, ...) behind one catch-all route.
export const { GET, POST } = toNextJsHandler(auth);
// #endregion auth-route
