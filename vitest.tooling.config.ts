import { defineConfig } from "vitest/config";

/**
 * Tests of the course's own tooling (scripts/lab, scripts/classroom,
 * scripts/student-repo). Kept apart from vitest.config.ts, which grades the
 * students' labs: `npm test` must never run these. Run: npm run test:tooling.
 */
export default defineConfig({
  test: {
    include: ["scripts/tooling-tests/**/*.test.ts"],
    // These tests start real commands (a full `npm test` of a student copy among them).
    testTimeout: 240_000,
    hookTimeout: 300_000,
  },
});
