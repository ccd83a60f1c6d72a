import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { labs } from "../../course/labs.ts";
import type { GradingReport, LabResult } from "../../tests/support/grading-report.ts";
import { normalizeLabId } from "../lab/cli.ts";
import { hintProblems, hintsSection, labHintLevels, parseHintLevels, readmeHintProblems } from "../lab/hints.ts";
import { readStarter } from "../lab/starter.ts";
import { REPO_ROOT, runScript } from "./helpers.ts";

const temp = mkdtempSync(join(tmpdir(), "bauth-tooling-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const LEVELS = "### Уровень 1 — идея\n\nпервая\n\n### Уровень 2 — API\n\nвторая\n\n#### Мелочь\n\ny\n\n### Уровень 3 — почти код\n\nтретья";
/** A HINTS.md as the labs have it: a title, the one-line warning, the three levels. */
const HINTS = `# Подсказки к bauth01\n\n> Читайте по одному уровню: npm run hint -- bauth01.\n\n${LEVELS}\n`;
const README_POINTER = "## Подсказки\n\nПо одному уровню: `npm run hint -- bauth01` (`--all`, `--reset`); все уровни — в HINTS.md.\n";
let hintFiles = 0;

/** Each test remembers its hint levels in its own file, never in the course's .reports/hints.json. */
function hintEnv(): { HINTS_STATE: string } {
  hintFiles += 1;
  return { HINTS_STATE: join(temp, `hints-${hintFiles}.json`) };
}

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

  it("незнакомый флаг — код 2 и сообщение по-русски", async () => {
    const result = await runScript(REPO_ROOT, "scripts/lab/hint.ts", ["bauth01", "--wat"], hintEnv());
    expect(result.code).toBe(2);
    expect(result.output).toContain("Неизвестный флаг: --wat");
    expect(result.output).toContain("--all");
  });
});

describe("npm run hint", () => {
  it("берёт раздел «## Подсказки» README до следующего заголовка", () => {
    const markdown = "# T\n\n## Что сделать\n\nx\n\n## Подсказки\n\n- первая\n- вторая\n\n### Мелочь\n\ny\n\n## Документация\n\nz\n";
    expect(hintsSection(markdown)).toBe("- первая\n- вторая\n\n### Мелочь\n\ny");
    expect(hintsSection("# без подсказок\n")).toBeUndefined();
  });

  it("делит HINTS.md на три уровня «### Уровень N — …»: заголовок и предупреждение — не уровень, у уровня могут быть свои подзаголовки", () => {
    const { before, levels } = parseHintLevels(HINTS);
    expect(before).toBe("# Подсказки к bauth01\n\n> Читайте по одному уровню: npm run hint -- bauth01.");
    expect(levels).toEqual([
      { level: 1, title: "идея", body: "первая" },
      { level: 2, title: "API", body: "вторая\n\n#### Мелочь\n\ny" },
      { level: 3, title: "почти код", body: "третья" },
    ]);
    expect(hintProblems(HINTS)).toEqual([]);
  });

  it("проверка HINTS.md называет, чего не хватает в уровнях и как исправить", () => {
    expect(hintProblems("# T\n")[0]).toContain("нужны ровно три подраздела по порядку");
    const twoLevels = hintProblems("# T\n\n### Уровень 1 — идея\n\nа\n\n### Уровень 3 — почти код\n\n");
    expect(twoLevels.join("\n")).toContain("нужны ровно три подраздела по порядку");
    expect(twoLevels.join("\n")).toContain("«### Уровень 3» пуст");
  });

  it("проверка README требует короткий раздел со ссылкой на команду и HINTS.md, а уровни в README запрещает", () => {
    expect(readmeHintProblems(`# T\n\n${README_POINTER}\n## Документация\n`, "bauth01")).toEqual([]);
    expect(readmeHintProblems("# T\n", "bauth01")[0]).toContain("нет раздела «## Подсказки»");
    const vague = readmeHintProblems("# T\n\n## Подсказки\n\nЗагляните в подсказки.\n", "bauth01");
    expect(vague.join("\n")).toContain("назовите команду npm run hint -- bauth01 и файл HINTS.md");
    const inline = readmeHintProblems(`# T\n\n${README_POINTER}\n${LEVELS}\n`, "bauth01");
    expect(inline.join("\n")).toContain("должны быть в HINTS.md, а не в README");
  });

  it.each(labs.map((lab) => lab.id))("%s: README отсылает к HINTS.md, а в HINTS.md три уровня подсказок", (id) => {
    expect(readmeHintProblems(readFileSync(join(REPO_ROOT, "labs", id, "README.md"), "utf8"), id)).toEqual([]);
    expect(hintProblems(readFileSync(join(REPO_ROOT, "labs", id, "HINTS.md"), "utf8"))).toEqual([]);
  });

  it("каждый вызов показывает следующий уровень, говорит, сколько осталось, а после третьего повторяет последний", async () => {
    const env = hintEnv();
    const levels = labHintLevels("bauth01")!;
    expect(levels.map((entry) => entry.level)).toEqual([1, 2, 3]);
    for (const [index, entry] of levels.entries()) {
      const result = await runScript(REPO_ROOT, "scripts/lab/hint.ts", ["1"], env);
      expect(result.code).toBe(0);
      expect(result.output).toContain("💡 Подсказки к bauth01");
      expect(result.output).toContain(`Уровень ${entry.level} из 3: ${entry.title}`);
      expect(result.output).toContain(entry.body.split("\n")[0]);
      for (const other of levels.filter((_, at) => at !== index)) expect(result.output).not.toContain(`Уровень ${other.level} из 3`);
      expect(result.output).toContain(index < 2 ? `Осталось уровней: ${2 - index}` : "Это последний уровень");
      expect(result.output).not.toContain("## Документация");
      expect(result.output, "заголовок и предупреждение HINTS.md — не подсказка").not.toContain("Не читайте подряд");
    }
    const again = await runScript(REPO_ROOT, "scripts/lab/hint.ts", ["bauth01"], env);
    expect(again.output).toContain("Уровень 3 из 3");
    expect(again.output).toContain("Все уровни уже показаны");
    // Each lab keeps its own level.
    const other = await runScript(REPO_ROOT, "scripts/lab/hint.ts", ["bauth02"], env);
    expect(other.output).toContain("Уровень 1 из 3");
    expect(JSON.parse(readFileSync(env.HINTS_STATE!, "utf8"))).toEqual({ bauth01: 3, bauth02: 1 });
  });

  it("--all показывает все уровни сразу, --reset начинает с первого", async () => {
    const env = hintEnv();
    const all = await runScript(REPO_ROOT, "scripts/lab/hint.ts", ["bauth03", "--all"], env);
    expect(all.code).toBe(0);
    for (const entry of labHintLevels("bauth03")!) {
      expect(all.output).toContain(`Уровень ${entry.level} из 3: ${entry.title}`);
      expect(all.output).toContain(entry.body.split("\n")[0]);
    }
    const reset = await runScript(REPO_ROOT, "scripts/lab/hint.ts", ["bauth03", "--reset"], env);
    expect(reset.code).toBe(0);
    expect(reset.output).toContain("покажет уровень 1");
    expect(reset.output).not.toContain("Уровень 1 из 3");
    const first = await runScript(REPO_ROOT, "scripts/lab/hint.ts", ["bauth03"], env);
    expect(first.output).toContain("Уровень 1 из 3");

    const both = await runScript(REPO_ROOT, "scripts/lab/hint.ts", ["bauth03", "--all", "--reset"], env);
    expect(both.code).toBe(2);
    expect(both.output).toContain("Выберите что-то одно");
  });

  it("испорченный файл уровней не мешает: подсказки начинаются с первого уровня", async () => {
    const env = hintEnv();
    writeFileSync(env.HINTS_STATE!, "{не json");
    const result = await runScript(REPO_ROOT, "scripts/lab/hint.ts", ["bauth01"], env);
    expect(result.code).toBe(0);
    expect(result.output).toContain("Уровень 1 из 3");
  });
});

describe("npm run diff (в репозитории курса)", () => {
  it("показывает отличия labs/ от solutions/ без README и HINTS.md", async () => {
    const result = await runScript(REPO_ROOT, "scripts/lab/diff.ts", ["bauth01"]);
    expect(result.code).toBe(0);
    expect(result.output).toContain("--- labs/bauth01/src/lib/auth.ts");
    expect(result.output).toContain("+++ solutions/bauth01/src/lib/auth.ts");
    expect(result.output).not.toContain("README.md");
    expect(result.output).not.toContain("HINTS.md");
  });
});

describe("заготовка для npm run reset в репозитории курса", () => {
  it("берётся из git (HEAD), раз .starters/ здесь нет", () => {
    const starter = readStarter("bauth01");
    if (typeof starter === "string") throw new Error(starter);
    expect(starter.source).toMatch(/^git/);
    expect([...starter.files.keys()]).toContain("README.md");
    expect([...starter.files.keys()]).toContain("HINTS.md");
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

