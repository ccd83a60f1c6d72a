"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@lab/lib/auth";
import { readAppUrl } from "@lab/lib/env";
import { safeNext } from "@lab/lib/safe-next";
import { signIn } from "@lab/server/auth/sign-in";
import { signOut, signOutEverywhere } from "@lab/server/auth/sign-out";
import { signUp } from "@lab/server/auth/sign-up";
import { refusalMessage } from "../lib/auth-error-message";
import { requiresVerifiedEmail } from "../lib/lab-features";
import { forwardSetCookies, sessionCookieValue } from "../lib/response-cookies";
import { listSessionsIfFresh } from "../lib/sessions";

/** What a form shows after a failed submit: the lab's Russian message and what the person typed. */
export interface FormState {
  error?: string;
  values?: Record<string, string>;
}

// The Server Actions are thin on purpose: every decision (validation, hashing,
// the session row, the cookie, the Russian message) is the lab's code.

export async function signUpAction(_previous: FormState, form: FormData): Promise<FormState> {
  const input = { name: field(form, "name"), email: field(form, "email"), password: field(form, "password") };
  const requestHeaders = await incomingHeaders();
  const cookieBefore = await sessionCookieValue();
  const result = await signUp(input, requestHeaders);
  if (!result.ok) return { error: result.message, values: { name: input.name, email: input.email } };
  // bauth14 on: no session until the address is verified; the letter with the link is in the playground's mailbox.
  if (requiresVerifiedEmail()) redirect("/outbox?from=sign-up");
  // Better Auth opens a session at sign-up (autoSignIn). The course's signUp() returns only the
  // user, so that session reaches the browser only through the nextCookies() plugin of the lab's
  // auth config. Without it, sign in with the same credentials to get a cookie.
  if ((await sessionCookieValue()) === cookieBefore) {
    const signedIn = await signIn({ email: input.email, password: input.password }, requestHeaders);
    if (!signedIn.ok) return { error: signedIn.message, values: { name: input.name, email: input.email } };
    await forwardSetCookies(signedIn.setCookie);
  }
  redirect("/dashboard");
}

export async function signInAction(_previous: FormState, form: FormData): Promise<FormState> {
  const input = { email: field(form, "email"), password: field(form, "password") };
  const result = await signIn(input, await incomingHeaders());
  if (!result.ok) return { error: result.message, values: { email: input.email } };
  await forwardSetCookies(result.setCookie);
  // The page the proxy sent the visitor away from (`/login?next=...`), checked by the lab: only a path of this site.
  redirect(safeNext(field(form, "next"), readAppUrl()));
}

export async function signOutEverywhereAction(): Promise<void> {
  const result = await signOutEverywhere(await incomingHeaders());
  if (result.ok) await forwardSetCookies(result.setCookie);
  redirect("/login");
}

/**
 * Better Auth's own change-password, with only what the person typed: whether
 * the other sessions end is the lab's decision (bauth14's plugin forces it;
 * bauth10 leaves them alive), and so is whether the session is fresh enough.
 * With the others revoked, Better Auth opens a new session for this device and
 * sends its cookie.
 */
export async function changePasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const { headers: responseHeaders } = await auth.api.changePassword({
      headers: await incomingHeaders(),
      body: { currentPassword: field(form, "currentPassword"), newPassword: field(form, "newPassword") },
      returnHeaders: true,
    });
    await forwardSetCookies(responseHeaders.getSetCookie());
  } catch (error) {
    const message = refusalMessage(error);
    if (message === undefined) throw error;
    return { error: message };
  }
  redirect("/dashboard?password=changed");
}

/**
 * "Forgot password": Better Auth mails a link to /api/auth/reset-password/<token>,
 * which comes back to /reset-password?token=… . The answer is the same whether
 * the address has an account or not, so the page says nothing about it either.
 */
export async function requestPasswordResetAction(_previous: FormState, form: FormData): Promise<FormState> {
  const email = field(form, "email");
  try {
    await auth.api.requestPasswordReset({ headers: await incomingHeaders(), body: { email, redirectTo: "/reset-password" } });
  } catch (error) {
    const message = refusalMessage(error);
    if (message === undefined) throw error;
    return { error: message, values: { email } };
  }
  redirect("/outbox?from=reset");
}

/** The new password for the token from the letter; Better Auth deletes the token, so the link works once. */
export async function resetPasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    await auth.api.resetPassword({
      headers: await incomingHeaders(),
      body: { token: field(form, "token"), newPassword: field(form, "newPassword") },
    });
  } catch (error) {
    const message = refusalMessage(error);
    if (message === undefined) throw error;
    return { error: message };
  }
  redirect("/login?reset=done");
}

/**
 * Revokes one of the caller's sessions. The page sends the session's id, never
 * its token: the token is the bearer secret of another device and must not
 * reach the HTML. The token is looked up here, on the server, among the
 * caller's own sessions, so nobody can revoke a session that is not theirs.
 */
export async function revokeSessionAction(form: FormData): Promise<void> {
  const requestHeaders = await incomingHeaders();
  const sessionId = field(form, "sessionId");
  // A page rendered while the session was fresh may be submitted after freshAge: the dashboard then explains.
  const sessions = await listSessionsIfFresh(requestHeaders);
  const target = sessions?.find((session) => session.id === sessionId);
  if (!target) redirect("/dashboard");
  const current = await auth.api.getSession({ headers: requestHeaders });
  if (current?.session.id === target.id) {
    // Revoking this very device is a sign-out: the lab's signOut also clears the cookie.
    const result = await signOut(requestHeaders);
    if (result.ok) await forwardSetCookies(result.setCookie);
    redirect("/login");
  }
  await auth.api.revokeSession({ headers: requestHeaders, body: { token: target.token } });
  redirect("/dashboard");
}

async function incomingHeaders(): Promise<Headers> {
  // A mutable copy: next/headers gives a read-only view, and the lab's helpers take plain Headers.
  return new Headers(await headers());
}

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
