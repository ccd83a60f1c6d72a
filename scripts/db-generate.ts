/**
 * `npm run db:generate -- bauth03 [--name <migration_name>] [--solutions]`
 * Runs Drizzle Kit's `generate` inside the lab's folder, where its drizzle.config.ts lives.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { findLab } from "../course/labs.ts";
import { REPO_ROOT } from "../tests/support/lab.ts";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { name: { type: "string" }, solutions: { type: "boolean", default: false } },
});
const id = positionals[0];
if (!id || !findLab(id)) {
  console.error("Укажите лабу: npm run db:generate -- bauth03 [--name имя_миграции]");
  process.exit(2);
}
const dir = join(REPO_ROOT, values.solutions ? "solutions" : "labs", id);
if (!existsSync(join(dir, "drizzle.config.ts"))) {
  console.error(`В ${dir} нет drizzle.config.ts: в этой лабе ещё нет базы данных.`);
  process.exit(2);
}
const drizzleKit = join(REPO_ROOT, "node_modules", ".bin", "drizzle-kit");
const args = ["generate", ...(values.name ? ["--name", values.name] : [])];
const result = spawnSync(drizzleKit, args, { cwd: dir, stdio: "inherit" });
process.exit(result.status ?? 1);
