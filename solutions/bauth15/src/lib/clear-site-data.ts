import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";

/**
 * What the browser wipes for this origin after a sign-out: the HTTP cache (pages
 * of the account a next user of the computer could open with Back), every cookie,
 * and localStorage, sessionStorage and IndexedDB with whatever a page kept there.
 */
export const CLEAR_SITE_DATA = '"cache", "cookies", "storage"';

/**
 * Better Auth plugin: a sign-out answers with Clear-Site-Data. An after hook, so
 * it holds for POST /api/auth/sign-out and for auth.api.signOut alike. A sign-out
 * from a foreign Origin is refused by Better Auth's origin check, a router
 * middleware that runs before the endpoint and its hooks: no header then.
 */
export function clearSiteDataOnSignOut() {
  return {
    id: "clear-site-data",
    hooks: {
      after: [
        {
          matcher: (ctx) => ctx.path === "/sign-out",
          handler: createAuthMiddleware(async (ctx) => {
            ctx.setHeader("Clear-Site-Data", CLEAR_SITE_DATA);
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
