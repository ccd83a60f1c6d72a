/**
 * The grading harness under the failures a student's code really produces:
 * a module that throws at import, a missing export, a module that never
 * finishes loading, a synchronous infinite loop, a promise that never
 * settles, and a PostgreSQL that cannot start. Each broken lab must
 * fail alone, with a message naming the lab and the file, and the others must
 * still be graded. Runs `npm test` in a small copy of the course (the graders,
 * the harness and a few labs) so the repository's own labs stay untouched.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GradingReport, LabResult } from "../../tests/support/grading-report.ts";
import { REPO_ROOT, runCommand, type CommandResult } from "./helpers.ts";

const copy = mkdtempSync(join(tmpdir(), "bauth-harness-"));
const LABS = ["bauth01", "bauth04", "bauth05", "bauth06"] as const;

function labIn(report: GradingReport, id: string): LabResult {
  const lab = report.labs.find((entry) => entry.id === id);
  if (!lab) throw new Error(`в отчёте нет ${id}`);
  return lab;
}

async function grade(name: string, env: NodeJS.ProcessEnv = {}, labs: readonly string[] = LABS): Promise<{ run: CommandResult; report: GradingReport }> {
  const reportPath = join(copy, `${name}.json`);
  const run = await runCommand("npm", ["test", "--", ...labs], copy, { GRADING_REPORT: reportPath, ...env });
  return { run, report: JSON.parse(readFileSync(reportPath, "utf8")) as GradingReport };
}

beforeAll(() => {
  for (const part of ["course", "tests", "scripts", "package.json", "vitest.config.ts", "tsconfig.json"]) {
    cpSync(join(REPO_ROOT, part), join(copy, part), { recursive: true });
  }
  symlinkSync(join(REPO_ROOT, "node_modules"), join(copy, "node_modules"), "dir");
  // bauth01 solved: it must pass however broken its neighbours are.
  cpSync(join(REPO_ROOT, "solutions", "bauth01"), join(copy, "labs", "bauth01"), { recursive: true });
  for (const id of LABS.slice(1)) cpSync(join(REPO_ROOT, "solutions", id), join(copy, "labs", id), { recursive: true });
  appendFileSync(join(copy, "labs/bauth04/src/server/auth/sign-up.ts"), '\nthrow new Error("опечатка в конфигурации");\n');
  const signIn = join(copy, "labs/bauth05/src/server/auth/sign-in.ts");
  writeFileSync(signIn, readFileSync(signIn, "utf8").replace("export async function signIn(", "export async function signin("));
  appendFileSync(join(copy, "labs/bauth06/src/server/auth/session.ts"), "\nawait new Promise(() => {});\n");
  // bauth03: the real grader on a lab whose module loops forever when it is imported.
  cpSync(join(REPO_ROOT, "solutions", "bauth03"), join(copy, "labs", "bauth03"), { recursive: true });
  appendFileSync(join(copy, "labs/bauth03/src/db/schema.ts"), "\nfor (let i = 0; i >= 0; i = (i + 1) % 10) {}\n");
  // bauth02: a stand-in grader whose lab function returns a promise that never settles.
  writeFileSync(
    join(copy, "tests/bauth02.test.ts"),
    [
      'import { expect, it } from "vitest";',
      'it("отвечает", () => expect(1).toBe(1));',
      'it("ждёт функцию лабы", async () => { await new Promise(() => {}); });',
      "",
    ].join("\n"),
  );
});

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe("автопроверка и сломанный код студента", () => {
  let result: Awaited<ReturnType<typeof grade>>;
  beforeAll(async () => {
    result = await grade("broken");
  });

  it("завершается с ненулевым кодом и без необработанных ошибок", () => {
    expect(result.run.code, result.run.output).toBe(1);
    expect(result.run.output).not.toMatch(/Unhandled Error|Startup Error/);
  });

  it("лаба, модуль которой бросает исключение при импорте, получает 0 баллов и сообщение с файлом", () => {
    const lab = labIn(result.report, "bauth04");
    expect(lab).toMatchObject({ status: "failed", points: 0 });
    expect(lab.error).toContain("labs/bauth04/src/server/auth/sign-up.ts");
    expect(lab.error).toContain("опечатка в конфигурации");
  });

  it("лаба без нужного экспорта получает 0 баллов и сообщение с именем экспорта", () => {
    const lab = labIn(result.report, "bauth05");
    expect(lab).toMatchObject({ status: "failed", points: 0 });
    expect(lab.error).toContain("labs/bauth05/src/server/auth/sign-in.ts");
    expect(lab.error).toContain("«signIn»");
  });

  it("лаба, модуль которой зависает при импорте, получает 0 баллов, а прогон не зависает", () => {
    const lab = labIn(result.report, "bauth06");
    expect(lab).toMatchObject({ status: "failed", points: 0 });
    expect(lab.error).toContain("labs/bauth06/src/server/auth/session.ts");
    expect(lab.error).toContain("не загрузился");
  });

  it("исправная лаба рядом со сломанными засчитывается полностью", () => {
    expect(labIn(result.report, "bauth01")).toMatchObject({ status: "passed", points: 5 });
    expect(result.report.score).toEqual({ points: 5, maxPoints: 35 });
  });

  it("таблица в конце называет каждую сломанную лабу и причину по-русски", () => {
    const table = result.run.output.slice(result.run.output.indexOf("Итог проверки"));
    for (const id of ["bauth04", "bauth05", "bauth06"]) expect(table).toContain(`⚠ ${id}:`);
    expect(table).toContain("Баллы: 5 из 35");
  });
});

describe("автопроверка и код студента, который не возвращает управление", () => {
  let result: Awaited<ReturnType<typeof grade>>;
  beforeAll(async () => {
    result = await grade("stuck", {}, ["bauth01", "bauth02", "bauth03"]);
  });

  it("бесконечный цикл при импорте: лаба получает 0 баллов и причину «похоже на бесконечный цикл», прогон завершается", () => {
    expect(result.run.code, result.run.output).toBe(1);
    const lab = labIn(result.report, "bauth03");
    expect(lab).toMatchObject({ status: "failed", points: 0 });
    expect(lab.error).toContain("bauth03");
    expect(lab.error).toContain("похоже на бесконечный цикл");
  });

  it("промис, который никогда не выполнится: русское сообщение вместо совета Vitest поднять testTimeout", () => {
    const lab = labIn(result.report, "bauth02");
    expect(lab).toMatchObject({ status: "failed", points: 0, failing: ["ждёт функцию лабы"] });
    expect(result.run.output).toContain("Тест не завершился за 10 с");
    expect(result.run.output).not.toContain("configure it globally");
  });

  it("соседняя исправная лаба проверена и засчитана", () => {
    expect(labIn(result.report, "bauth01")).toMatchObject({ status: "passed", points: 5 });
  });
});

describe("npm test: номера лаб и частичные прогоны", () => {
  it("неизвестная лаба: список допустимых по-русски и код 2, без прогона", async () => {
    const run = await runCommand("npm", ["test", "--", "bauth99"], copy);
    expect(run.code).toBe(2);
    expect(run.output).toContain("Лабы «bauth99» нет в курсе");
    expect(run.output).toContain("bauth04");
  });

  it("4 означает bauth04, а прогон одной лабы сохраняет в отчёте результаты остальных", async () => {
    const reportPath = join(copy, "partial.json");
    await runCommand("npm", ["test", "--", "bauth01", "bauth05"], copy, { GRADING_REPORT: reportPath });
    const run = await runCommand("npm", ["test", "--", "1"], copy, { GRADING_REPORT: reportPath });
    const report = JSON.parse(readFileSync(reportPath, "utf8")) as GradingReport;
    expect(run.output).toMatch(/bauth01 .*готово/);
    expect(run.output).not.toMatch(/bauth10 /);
    expect(labIn(report, "bauth01").status).toBe("passed");
    expect(labIn(report, "bauth05"), "результат bauth05 из прошлого прогона должен остаться").toMatchObject({ status: "failed" });
    expect(run.output).toContain("С учётом прошлых запусков");
  });
});

describe("автопроверка без PostgreSQL", () => {
  it("не зависает: лабам с базой — 0 баллов и причина, отчёт записан, лаба без базы проверена", async () => {
    const { run, report } = await grade("no-postgres", { BAUTH_PG_PROVIDER: "url", TEST_DATABASE_URL: "", DATABASE_URL: "" });
    expect(run.code).toBe(1);
    expect(run.output).toContain("PostgreSQL для тестов не запустился");
    expect(labIn(report, "bauth01")).toMatchObject({ status: "passed", points: 5 });
    for (const id of ["bauth04", "bauth05", "bauth06"]) {
      expect(labIn(report, id).error, id).toContain("TEST_DATABASE_URL");
    }
  });
});
