import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { labs } from "../../course/labs.ts";
import { REPO_ROOT } from "../../tests/support/lab.ts";

/**
 * The committed migrations of every solution must describe its schema.ts
 * exactly: Drizzle Kit, run on a copy, must find nothing to generate.
 */
export function checkMigrationsMatchSchemas(): string[] {
  const problems: string[] = [];
  for (const { id } of labs) {
    const dir = join(REPO_ROOT, "solutions", id);
    if (!existsSync(join(dir, "drizzle.config.ts"))) continue;
    const copy = mkdtempSync(join(tmpdir(), `bauth-drift-${id}-`));
    try {
      for (const part of ["drizzle.config.ts", "src/db", "drizzle"]) {
        if (existsSync(join(dir, part))) cpSync(join(dir, part), join(copy, part), { recursive: true });
      }
      const result = spawnSync(join(REPO_ROOT, "node_modules", ".bin", "drizzle-kit"), ["generate"], {
        cwd: copy,
        encoding: "utf8",
        env: { ...process.env, NODE_PATH: join(REPO_ROOT, "node_modules") },
      });
      const output = `${result.stdout}${result.stderr}`;
      if (!output.includes("No schema changes")) {
        problems.push(
          `${id}: миграции solutions/${id}/drizzle не совпадают со схемой src/db/schema.ts. ` +
            `Выполните npm run db:generate -- ${id} --solutions и закоммитьте drizzle/.\n${output.trim().split("\n").slice(-3).join("\n")}`,
        );
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }
  return problems;
}
