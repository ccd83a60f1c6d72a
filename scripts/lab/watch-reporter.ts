import type { Reporter, TestModule } from "vitest/node";
import type { LabInfo } from "../../course/labs.ts";
import { formatHints } from "./hints.ts";

/**
 * Runs after the course's grading reporter in `npm run lab`: when not one
 * requirement of the lab passes (or its grader could not even load the lab),
 * it prints the lab's hints, then says how to leave the watch mode.
 */
export class LabWatchReporter implements Reporter {
  constructor(private readonly lab: LabInfo) {}

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const outcome = labOutcome(modules);
    if (outcome === "none-passed") process.stdout.write(`${formatHints(this.lab)}\n\n`);
    if (outcome === "all-passed") {
      process.stdout.write(`🎉 ${this.lab.id} сдана: все требования выполнены. Следующая лаба — в README курса или npm run progress.\n`);
    }
    process.stdout.write(`👀 Жду изменений в labs/${this.lab.id}… Сохраните файл — проверка запустится снова. Выход: q или Ctrl+C.\n`);
  }
}

export type LabOutcome = "all-passed" | "some-passed" | "none-passed" | "nothing-run";

/** Tests skipped because the lab's setup failed count as failed: the student has nothing passing yet. */
export function labOutcome(modules: ReadonlyArray<TestModule>): LabOutcome {
  let passed = 0;
  let notPassed = 0;
  let errors = 0;
  for (const module of modules) {
    errors += module.errors().length;
    for (const test of module.children.allTests()) {
      if (test.result().state === "passed") passed += 1;
      else notPassed += 1;
    }
  }
  if (passed === 0 && notPassed === 0) return errors > 0 ? "none-passed" : "nothing-run";
  if (passed === 0) return "none-passed";
  return notPassed === 0 && errors === 0 ? "all-passed" : "some-passed";
}
