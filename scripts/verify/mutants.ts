/**
 * Mutants and alternatives, rustlings' `dev check` extended: every known-wrong
 * solution in `mutants/<lab>/*.patch` must fail its grader, and every valid
 * other solution in `alternatives/<lab>/*.patch` must pass it. Each patch is a
 * unified diff against `solutions/<lab>/`, after one line that says why it is
 * wrong («Почему неверно: …») or why it is right («Почему верно: …»).
 *
 * `npm run mutants [-- bauth04]` runs them on their own; verify runs them all.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { labs } from "../../course/labs.ts";
import { REPO_ROOT } from "../../tests/support/lab.ts";
import { graderFilter } from "../lab/cli.ts";
import { gradeRun } from "../lib/grade-run.ts";
import { runCommand } from "../lib/run-command.ts";

export type VariantKind = "mutant" | "alternative";

export interface Variant {
  kind: VariantKind;
  lab: string;
  name: string;
  /** The patch's first line without its label: why the change is wrong (or right). */
  reason: string;
  patch: string;
}

export interface VariantResult extends Variant {
  /** True when the grader judged it as it should: a mutant failed, an alternative passed. */
  ok: boolean;
  detail: string;
}

/** A lab with fewer mutants than this is not proven by its grader (issue #12). */
export const MIN_MUTANTS = 6;

const FOLDERS: Record<VariantKind, { dir: string; label: RegExp }> = {
  mutant: { dir: "mutants", label: /^Почему неверно:\s*(.+)$/ },
  alternative: { dir: "alternatives", label: /^Почему верно:\s*(.+)$/ },
};

/**
 * Work folders live inside the repository, so the labs' imports resolve from
 * its node_modules; one per process, so two runs at once never share one.
 */
const WORK_ROOT = join(REPO_ROOT, ".verify", `variants-${process.pid}`);

export function listVariants(labIds: readonly string[] = labs.map((lab) => lab.id)): Variant[] {
  const variants: Variant[] = [];
  for (const kind of ["mutant", "alternative"] as const) {
    for (const lab of labIds) {
      const dir = join(REPO_ROOT, FOLDERS[kind].dir, lab);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((name) => name.endsWith(".patch")).sort()) {
        const patch = join(dir, file);
        const firstLine = readFileSync(patch, "utf8").split("\n", 1)[0] ?? "";
        const reason = FOLDERS[kind].label.exec(firstLine.trim())?.[1] ?? "";
        variants.push({ kind, lab, name: file.replace(/\.patch$/, ""), reason, patch });
      }
    }
  }
  return variants;
}

/** Problems of the collection itself: too few mutants, a patch without its reason line. */
export function checkVariantCollection(variants: Variant[], labIds: readonly string[]): string[] {
  const problems: string[] = [];
  for (const lab of labIds) {
    const count = variants.filter((variant) => variant.lab === lab && variant.kind === "mutant").length;
    if (count < MIN_MUTANTS) {
      problems.push(`${lab}: мутантов ${count}, нужно не меньше ${MIN_MUTANTS}. Добавьте в mutants/${lab}/ патчи с типичными ошибками студентов.`);
    }
  }
  for (const variant of variants.filter((variant) => !variant.reason)) {
    const label = variant.kind === "mutant" ? "Почему неверно:" : "Почему верно:";
    problems.push(`${shown(variant.patch)}: первая строка должна начинаться с «${label}» и объяснять это одним предложением.`);
  }
  return problems;
}

/** Grades every variant on the server at `databaseUrl`, two at a time (the machine has two cores). */
export async function gradeVariants(variants: Variant[], databaseUrl: string, concurrency = 2): Promise<VariantResult[]> {
  rmSync(WORK_ROOT, { recursive: true, force: true });
  const results: VariantResult[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < variants.length) {
      const variant = variants[next++]!;
      results.push(await gradeVariant(variant, databaseUrl));
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, variants.length) }, worker));
  } finally {
    rmSync(WORK_ROOT, { recursive: true, force: true });
  }
  return results.sort((a, b) => variants.indexOf(a) - variants.indexOf(b));
}

async function gradeVariant(variant: Variant, databaseUrl: string): Promise<VariantResult> {
  const root = join(WORK_ROOT, `${variant.kind}-${variant.lab}-${variant.name}`);
  const labCopy = join(root, variant.lab);
  mkdirSync(root, { recursive: true });
  cpSync(join(REPO_ROOT, "solutions", variant.lab), labCopy, { recursive: true });
  const applied = await runCommand("git", ["apply", "-p1", `--directory=${relative(REPO_ROOT, labCopy)}`, variant.patch]);
  if (applied.code !== 0) {
    return { ...variant, ok: false, detail: `патч не применяется к solutions/${variant.lab}: ${applied.stderr.trim()}. Пересоздайте его от текущего решения.` };
  }
  const { report } = await gradeRun(relative(REPO_ROOT, root), [graderFilter(variant.lab)], databaseUrl);
  if (!report) return { ...variant, ok: false, detail: "Vitest не записал отчёт" };
  const lab = report.labs.find((entry) => entry.id === variant.lab);
  if (!lab || lab.status === "not-run") return { ...variant, ok: false, detail: "тесты лабы не запускались" };
  if (variant.kind === "mutant") {
    return lab.status === "failed"
      ? { ...variant, ok: true, detail: `пойман: ${lab.failing[0] ?? lab.error ?? ""}` }
      : { ...variant, ok: false, detail: `выжил: все ${lab.tests.total} тестов прошли. Добавьте в tests/${variant.lab}.test.ts проверку, которая его ловит` };
  }
  return lab.status === "passed"
    ? { ...variant, ok: true, detail: "принят" }
    : { ...variant, ok: false, detail: `отвергнут: ${lab.error ?? lab.failing.join("; ")}. Тесты проверяют один способ записи, а не требование` };
}

/** One line per variant that the grader judged wrongly; empty when all are as they should be. */
export function variantProblems(results: VariantResult[]): string[] {
  return results
    .filter((result) => !result.ok)
    .map((result) => `${result.lab}: ${result.kind === "mutant" ? "мутант" : "альтернатива"} ${result.name} — ${result.detail} (${result.reason})`);
}

export function mutationScores(results: VariantResult[]): string[] {
  const lines: string[] = [];
  for (const lab of [...new Set(results.map((result) => result.lab))]) {
    const mine = results.filter((result) => result.lab === lab);
    const mutants = mine.filter((result) => result.kind === "mutant");
    const alternatives = mine.filter((result) => result.kind === "alternative");
    lines.push(
      `${lab}: поймано мутантов ${mutants.filter((r) => r.ok).length}/${mutants.length}, ` +
        `принято альтернатив ${alternatives.filter((r) => r.ok).length}/${alternatives.length}`,
    );
  }
  return lines;
}

/** verify's check: the collection is complete and every variant is judged as it should be. */
export async function checkMutantsAndAlternatives(databaseUrl: string): Promise<string[]> {
  const ids = labs.map((lab) => lab.id);
  const variants = listVariants(ids);
  const results = await gradeVariants(variants, databaseUrl);
  for (const line of mutationScores(results)) console.log(`  ${line}`);
  return [...checkVariantCollection(variants, ids), ...variantProblems(results)];
}

function shown(path: string): string {
  return relative(REPO_ROOT, path);
}
