import type { BetterAuthPlugin } from "better-auth";

/**
 * Better Auth plugin: after a successful sign-out the browser is told to wipe
 * this site's cache, cookies and storage. Already registered in src/lib/auth.ts.
 */
export function clearSiteDataOnSignOut() {
  return {
    id: "clear-site-data",
    // TODO(bauth15): a hook that adds Clear-Site-Data ("cache", "cookies", "storage") to a successful
    // sign-out, over HTTP and through auth.api alike; a refused sign-out answers without it.
  } satisfies BetterAuthPlugin;
}
