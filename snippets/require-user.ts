// src/lib/session.ts: настоящая проверка на сервере (layout, page, Server Action).
// #region require-user
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "./auth";

export async function requireUser() {
  const result = await auth.api.getSession({ headers: await headers() });
  if (!result) {
    redirect("/login"); // тип never: дальше result точно не null
  }
  return result.user;
}
// #endregion require-user
