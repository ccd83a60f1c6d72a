import { existsSync, readdirSync } from "node:fs";
import { enableCompileCache } from "node:module";
import { join } from "node:path";
import type { Plugin } from "vitest/config";
import type { Reporter, WatcherTriggerPattern } from "vitest/node";
import type { LabInfo } from "../../course/labs.ts";
import { REPO_ROOT } from "../../tests/support/lab.ts";
import { LabWatchReporter } from "./watch-reporter.ts";

/**
 * Each re-grade runs in a fresh worker (the course's isolation, as in
 * `npm test`), which compiles Better Auth, Drizzle and pg again. Node's
 * on-disk compile cache keeps their bytecode between workers: it changes
 * nothing about what runs, and cuts about a third of a re-grade here.
 * Workers inherit it through NODE_COMPILE_CACHE.
 */
export function useCompileCache(root = REPO_ROOT): void {
  process.env.NODE_COMPILE_CACHE ??= join(root, "node_modules", ".cache", "bauth-compile-cache");
  enableCompileCache(process.env.NODE_COMPILE_CACHE);
}

export function watchReportPath(id: string): string {
  return `.reports/lab-${id}.json`;
}

/** The grader's test files: `tests/<id>.test.ts`, or every `*.test.ts` in `tests/<id>/`. */
export function graderFiles(id: string, root = REPO_ROOT): string[] {
  const single = join(root, "tests", `${id}.test.ts`);
  const folder = join(root, "tests", id);
  const files = existsSync(single) ? [single] : [];
  if (existsSync(folder)) {
    const nested = readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".test.ts"));
    files.push(...nested.map((file) => join(folder, file)));
  }
  return files;
}

/**
 * Settings `npm run lab` adds on top of vitest.config.ts, which stays the one
 * place that says how the course grades:
 * - a save anywhere in `labs/<id>/` re-runs the lab's grader. The loader
 *   imports lab files by a computed path, which Vite's module graph cannot
 *   link to the test file, so Vitest would not know what to re-run;
 * - extra reporters run after the course's own (hints, timings);
 * - build output and reports are not watched: a `next build` in playground/
 *   writes a package.json, which would otherwise re-run the grader.
 */
export function labWatchPlugin(lab: LabInfo, extraReporters: Reporter[] = [new LabWatchReporter(lab)]): Plugin {
  const trigger: WatcherTriggerPattern = {
    pattern: new RegExp(`[\\\\/]labs[\\\\/]${lab.id}[\\\\/]`),
    testsToRun: () => graderFiles(lab.id),
  };
  return {
    name: "bauth-lab-watch",
    config(config) {
      const test = ((config as { test?: TestSettings }).test ??= {});
      const configured = test.reporters ?? ["default"];
      test.reporters = [...(Array.isArray(configured) ? configured : [configured]), ...extraReporters];
      test.watchTriggerPatterns = [...(test.watchTriggerPatterns ?? []), trigger];
      return { server: { watch: { ignored: UNWATCHED } } };
    },
  };
}

/** Added to Vite's own ignores (.git, node_modules). */
const UNWATCHED = ["**/.next*/**", "**/.reports/**", "**/.backups/**", "**/.starters/**", "**/dist/**", "**/.artifacts/**"];

interface TestSettings {
  reporters?: unknown;
  watchTriggerPatterns?: WatcherTriggerPattern[];
}
