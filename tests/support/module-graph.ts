import { relative } from "node:path";
import { build } from "esbuild";
import { describeError } from "./errors.ts";
import { labDir, LabError, REPO_ROOT, shownPath } from "./lab.ts";

export interface ImportGraph {
  /** Every source file the entry loads at run time, directly or through others (repository-relative). */
  files: string[];
  /** Packages those files import (`better-auth`, `@trpc/server`, ...), by the specifier they use. */
  packages: string[];
}

/**
 * The real transitive import graph of a lab file, from esbuild's metafile: imports are
 * resolved as a bundler resolves them, and `import type` is erased, as it is at run time.
 * A grader asks "does this module load that one?" here instead of grepping source text.
 */
export async function importGraph(id: string, file: string): Promise<ImportGraph> {
  try {
    const result = await build({
      entryPoints: [`${labDir(id)}/${file}`],
      absWorkingDir: REPO_ROOT,
      bundle: true,
      metafile: true,
      write: false,
      platform: "node",
      format: "esm",
      packages: "external",
      logLevel: "silent",
    });
    const inputs = Object.entries(result.metafile.inputs);
    const packages = new Set(inputs.flatMap(([, input]) => input.imports.filter((found) => found.external).map((found) => found.path)));
    return { files: inputs.map(([path]) => relative(REPO_ROOT, `${REPO_ROOT}/${path}`)), packages: [...packages] };
  } catch (error) {
    throw new LabError(`${id}: не удалось разобрать импорты ${shownPath(id, file)}: ${describeError(error)}`);
  }
}

/** The package a specifier belongs to: `better-auth/api` → `better-auth`, `@trpc/server/x` → `@trpc/server`. */
export function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}
