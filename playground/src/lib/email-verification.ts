import type { BetterAuthOptions } from "better-auth";
import { auth } from "@lab/lib/auth";

/**
 * Whether the lab's Better Auth refuses sign-in until the address is verified
 * (bauth14 on): then a sign-up opens no session, and the playground sends the
 * visitor to its mailbox instead of the dashboard. Read from the lab's own
 * options, so a bauth14 starter behaves as its code says, TODOs and all.
 */
export function requiresVerifiedEmail(): boolean {
  const options: BetterAuthOptions = auth.options;
  return options.emailAndPassword?.requireEmailVerification === true;
}
