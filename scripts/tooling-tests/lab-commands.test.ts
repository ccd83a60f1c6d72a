import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { labs } from "../../course/labs.ts";
import type { GradingReport, LabResult } from "../../tests/support/grading-report.ts";
import { normalizeLabId } from "../lab/cli.ts";
import { hintsSection } from "../lab/hints.ts";
import { readStarter } from "../lab/starter.ts";
import { REPO_ROOT, runScript } from "./helpers.ts";

const temp = mkdtempSync(join(tmpdir(), "bauth-tooling-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe("разбор id лабы", () => {
  it("принимает bauth04, 04 и 4 как одну лабу", () => {
    expect(["bauth04", "04", "4", " BAUTH04 "].map(normalizeLabId)).toEqual(["bauth04", "bauth04", "bauth04", "bauth04"]);
  });

  it.each([
    ["scripts/lab/watch.ts", "lab"],
    ["scripts/lab/hint.ts", "hint"],
    ["scripts/lab/reset.ts", "reset"],
    ["scripts/lab/diff.ts", "diff"],
  ])("%s: неизвестная или пропущенная лаба — код 2 и список допустимых id", async (script) => {
    const unknown = await runScript(REPO_ROOT, script, ["bauth99"]);
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain("Лабы «bauth99» нет в курсе");
    for (const lab of labs) expect(unknown.output).toContain(lab.id);

    const missing = await runScript(REPO_ROOT, script, []);
    expect(missing.code).toBe(2);
    expect(missing.output).toContain("Укажите лабу");
  });

  it("незнакомый флаг — код 2", async () => {
    const result = await runScript(REPO_ROOT, "scripts/lab/hint.ts", ["bauth01", "--wat"]);
    expect(result.code).toBe(2);
  });
});

describe("npm run hint", () => {
  it("берёт раздел «## Подсказки» до следующего заголовка", () => {
    const markdown = "# T\n\n## Что сделать\n\nx\n\n## Подсказки\n\n- первая\n- вторая\n\n### Мелочь\n\ny\n\n## Документация\n\nz\n";
    expect(hintsSection(markdown)).toBe("- первая\n- вторая\n\n### Мелочь\n\ny");
    expect(hintsSection("# без подсказок\n")).toBeUndefined();
  });

  it("печатает подсказки из README лабы", async () => {
    const result = await runScript(REPO_ROOT, "scripts/lab/hint.ts", ["bauth01"]);
    expect(result.code).toBe(0);
    expect(result.output).toContain("💡 Подсказки к bauth01");
    expect(result.output).toContain("openssl rand -base64 32");
    expect(result.output).not.toContain("## Документация");
  });
});

describe("npm run diff (в репозитории курса)", () => {
  it("показывает отличия labs/ от solutions/ без README", async () => {
    const result = await runScript(REPO_ROOT, "scripts/lab/diff.ts", ["bauth01"]);
    expect(result.code).toBe(0);
    expect(result.output).toContain("--- labs/bauth01/src/lib/auth.ts");
    expect(result.output).toContain("+++ solutions/bauth01/src/lib/auth.ts");
    expect(result.output).not.toContain("README.md");
  });
});

describe("заготовка для npm run reset в репозитории курса", () => {
  it("берётся из git (HEAD), раз .starters/ здесь нет", () => {
    const starter = readStarter("bauth01");
    if (typeof starter === "string") throw new Error(starter);
    expect(starter.source).toMatch(/^git/);
    expect([...starter.files.keys()]).toContain("README.md");
    expect([...starter.files.keys()]).toContain("src/lib/auth.ts");
  });
});

describe("npm run progress", () => {
  it("сводит отчёт npm test и более свежий отчёт режима наблюдения", async () => {
    const folder = join(temp, "reports");
    const main = join(folder, "grading.json");
    const old = "2026-01-01T10:00:00.000Z";
    const fresh = "2026-01-01T11:00:00.000Z";
    writeReport(main, old, [labResult("bauth01", "passed"), labResult("bauth02", "failed")]);
    writeReport(join(folder, "lab-bauth02.json"), fresh, [labResult("bauth02", "passed")]);

    const result = await runScript(REPO_ROOT, "scripts/lab/progress.ts", [], { GRADING_REPORT: main });
    expect(result.code).toBe(0);
    const total = labs.reduce((sum, lab) => sum + lab.points, 0);
    const expected = labs.filter((lab) => ["bauth01", "bauth02"].includes(lab.id)).reduce((sum, lab) => sum + lab.points, 0);
    expect(result.output).toContain(`Прогресс: ${expected} из ${total} баллов`);
    expect(result.output).toMatch(/✅ bauth02 .* сдана/);
    expect(result.output).toMatch(/bauth03 .* ещё не проверялась/);
    expect(result.output).toContain("Дальше: npm run lab -- bauth03");
  });
});

function writeReport(path: string, finishedAt: string, results: LabResult[]): void {
  const report: GradingReport = {
    schemaVersion: 1,
    target: "labs",
    finishedAt,
    score: { points: 0, maxPoints: 0 },
    allPassed: false,
    labs: labs.map((lab) => results.find((result) => result.id === lab.id) ?? { ...labResult(lab.id, "failed"), status: "not-run" }),
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(report));
}

function labResult(id: string, status: "passed" | "failed"): LabResult {
  const lab = labs.find((entry) => entry.id === id)!;
  const passed = status === "passed";
  return {
    id,
    title: lab.title,
    status,
    points: passed ? lab.points : 0,
    maxPoints: lab.points,
    tests: { passed: passed ? 3 : 1, failed: passed ? 0 : 2, total: 3 },
    failing: passed ? [] : ["требование"],
    passing: passed ? ["требование"] : [],
    error: null,
    gradedAt: null,
  };
}

