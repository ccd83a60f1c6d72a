/**
 * `npm run lab` end to end: Vitest's watch mode grades the lab, prints the
 * failing requirements with a one-line hint offer, grades it again after a
 * save in the lab's folder, and after the third failing grade in a row shows
 * the next hint level.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { GradingReport } from "../../tests/support/grading-report.ts";
import { StuckCounter } from "../lab/watch-reporter.ts";
import { REPO_ROOT, stripAnsi } from "./helpers.ts";

const LAB = "bauth02";
const WAITING = "👀 Жду изменений";
const temp = mkdtempSync(join(tmpdir(), "bauth-watch-"));
const reportPath = join(temp, "lab.json");
const hintsPath = join(temp, "hints.json");
let child: ChildProcess | undefined;
let output = "";

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  rmSync(temp, { recursive: true, force: true });
});

it(`npm run lab -- ${LAB}: проверяет, показывает непройденные требования и перепроверяет после сохранения`, async () => {
  child = spawn(process.execPath, ["--import", "tsx", "scripts/lab/watch.ts", LAB], {
    cwd: REPO_ROOT,
    env: { ...process.env, GRADING_REPORT: reportPath, HINTS_STATE: hintsPath, FORCE_COLOR: "0", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += stripAnsi(chunk.toString())));
  child.stderr!.on("data", (chunk: Buffer) => (output += stripAnsi(chunk.toString())));

  await waitFor(() => count(output, WAITING) >= 1, "первая проверка");
  expect(output).toContain(`Итог проверки`);
  const report = JSON.parse(readFileSync(reportPath, "utf8")) as GradingReport;
  const result = report.labs.find((lab) => lab.id === LAB)!;
  expect(result.status).toBe("failed");
  expect(output).toContain("Что осталось сделать:");
  for (const name of result.failing) expect(output).toContain(name);
  // A failing grade offers the next hint in one line; the hint itself waits for the third failure in a row.
  expect(output).toContain(`npm run hint -- ${LAB} покажет подсказку уровня 1 из 3`);
  expect(output).not.toContain("── Уровень");

  const file = ["src/db/index.ts", "src/lib/auth.ts"].map((path) => join(REPO_ROOT, "labs", LAB, path)).find((path) => existsSync(path))!;
  for (const run of [2, 3]) {
    writeFileSync(file, readFileSync(file));
    await waitFor(() => count(output, WAITING) >= run, `перепроверка №${run} после сохранения`);
  }
  expect(count(output, "Итог проверки")).toBeGreaterThanOrEqual(3);
  expect(count(output, "── Уровень 1 из 3")).toBe(1);
  expect(output).not.toContain("── Уровень 2");
  // `npm run hint` goes on from the level the watch mode showed.
  expect(JSON.parse(readFileSync(hintsPath, "utf8"))).toEqual({ [LAB]: 1 });
});

describe("когда режим наблюдения показывает подсказку", () => {
  it("каждая третья неудачная проверка подряд — следующий уровень, остальные — предложение одной строкой", () => {
    const counter = new StuckCounter(3);
    const actions = [0, 0, 0, 0, 0, 0].map((passed) => counter.record("none-passed", passed));
    expect(actions).toEqual(["offer", "offer", "hint", "offer", "offer", "hint"]);
  });

  it("новое пройденное требование начинает счёт заново, сданная лаба ничего не предлагает", () => {
    const counter = new StuckCounter(3);
    expect(counter.record("none-passed", 0)).toBe("offer");
    expect(counter.record("none-passed", 0)).toBe("offer");
    expect(counter.record("some-passed", 1)).toBe("offer");
    expect(counter.record("some-passed", 1)).toBe("offer");
    expect(counter.record("some-passed", 1)).toBe("hint");
    expect(counter.record("all-passed", 4)).toBe("none");
    expect(counter.record("some-passed", 3)).toBe("offer");
  });
});

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

async function waitFor(condition: () => boolean, what: string, limitMs = 120_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (child?.exitCode !== null && child?.exitCode !== undefined) throw new Error(`npm run lab завершился (${child.exitCode}) до «${what}»:\n${output}`);
    if (Date.now() - started > limitMs) throw new Error(`не дождался: ${what}. Вывод:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
