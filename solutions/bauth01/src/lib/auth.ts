// #region auth-instance
import { betterAuth } from "better-auth";
import { readAppUrl, readAuthSecret } from "./env";

export const auth = betterAuth({
  // Both come from the environment, so every deployment signs with its own key.
  secret: readAuthSecret(),
  baseURL: readAppUrl(),
  emailAndPassword: { enabled: true },
});
// #endregion auth-instance
