import type { BetterAuthOptions } from "better-auth";
import { auth } from "@lab/lib/auth";

// What the lab's Better Auth is configured to do, read from its own options, so a
// starter behaves as its code says, TODOs and all. The pages adapt to it.

function labOptions(): BetterAuthOptions {
  return auth.options;
}

/**
 * Sign-in refused until the address is verified (bauth14 on): a sign-up then
 * opens no session, and the playground sends the visitor to its mailbox.
 */
export function requiresVerifiedEmail(): boolean {
  return labOptions().emailAndPassword?.requireEmailVerification === true;
}

/** The lab mails reset links (bauth14 on); without sendResetPassword, Better Auth refuses the request. */
export function hasPasswordReset(): boolean {
  return typeof labOptions().emailAndPassword?.sendResetPassword === "function";
}
