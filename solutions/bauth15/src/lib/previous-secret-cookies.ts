import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";
import { setRequestCookie } from "better-auth/cookies";
import { makeSignature } from "better-auth/crypto";

/**
 * Keeps users signed in across a secret rotation. Better Auth (1.7) checks the
 * HMAC of its signed cookies with the current secret only (ctx.context.secret,
 * the first of `secrets`), so a rotation would turn every session cookie into
 * "no session". Before each endpoint, on HTTP and auth.api.* calls alike, this
 * hook finds a session cookie whose signature is valid under an older version
 * still listed in `secrets` and hands the endpoint the same token signed with
 * the current secret. A signature no listed version made is left alone, and
 * Better Auth refuses it as before. The browser gets a cookie signed with the
 * new key at the session's next renewal (session.updateAge).
 */
export function previousSecretCookies() {
  return {
    id: "previous-secret-cookies",
    hooks: {
      before: [
        {
          matcher: (context) => Boolean(context.headers?.get("cookie")),
          handler: createAuthMiddleware(async (ctx) => {
            const config = ctx.context.secretConfig;
            if (typeof config === "string") return;
            const older = [...config.keys].filter(([version]) => version !== config.currentVersion).map(([, value]) => value);
            if (older.length === 0) return;

            const current = ctx.context.secret;
            const { sessionToken, dontRememberToken } = ctx.context.authCookies;
            const headers = new Headers({ cookie: ctx.headers?.get("cookie") ?? "" });
            let resigned = false;
            for (const name of [sessionToken.name, dontRememberToken.name]) {
              // null: no such cookie; a string: already signed with the current secret. Only false is a foreign signature.
              if ((await ctx.getSignedCookie(name, current)) !== false) continue;
              for (const secret of older) {
                const value = await ctx.getSignedCookie(name, secret);
                if (typeof value !== "string") continue;
                setRequestCookie(headers, name, `${value}.${await makeSignature(value, current)}`);
                resigned = true;
                break;
              }
            }
            if (resigned) return { context: { headers } };
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
