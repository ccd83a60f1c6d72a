import { betterAuth } from "better-auth";

// TODO(bauth01): передайте в betterAuth секрет из readAuthSecret(), baseURL из readAppUrl()
// (оба из ./env) и включите вход по email и паролю (emailAndPassword).
export const auth = betterAuth({});
