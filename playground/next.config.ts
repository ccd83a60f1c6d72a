import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { securityHeaders } from "./security-headers";

// The runner (scripts/playground) picks the lab and writes a tsconfig whose
// `@lab/*` alias points into labs/bauthNN/src or solutions/bauthNN/src. Each
// lab and mode gets its own tsconfig and build folder, so a student's
// `npm run playground` and the e2e test of the solution never share a cache.
const here = dirname(fileURLToPath(import.meta.url));

export default function config(phase: string): NextConfig {
  const headers = securityHeaders({
    // The runner sets it for both next build and next start; the fallback only serves an editor's type check.
    appUrl: process.env.BETTER_AUTH_URL ?? "http://localhost:3000",
    dev: phase === PHASE_DEVELOPMENT_SERVER,
  });
  return {
    // The lab's code lives outside playground/: compile and trace from the repository root.
    turbopack: { root: resolve(here, "..") },
    outputFileTracingRoot: resolve(here, ".."),
    typescript: { tsconfigPath: process.env.PLAYGROUND_TSCONFIG ?? "tsconfig.json" },
    distDir: process.env.PLAYGROUND_DIST_DIR ?? ".next",
    // The Next.js badge in the corner would cover the forms in screenshots.
    devIndicators: false,
    poweredByHeader: false,
    // Every route, pages and API alike.
    headers: async () => [{ source: "/:path*", headers }],
  };
}
