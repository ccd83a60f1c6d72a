import type { Reporter, TestModule } from "vitest/node";
import type { LabInfo } from "../../course/labs.ts";
import { hintOffer, showNextHint } from "./hints.ts";

/** After this many failing re-grades in a row without a new passing requirement, the watch mode shows the next hint level. */
export const FAILURES_BEFORE_HINT = 3;

/**
 * Runs after the course's grading reporter in `npm run lab`. While the lab
 * fails it offers `npm run hint` in one line; after every
 * FAILURES_BEFORE_HINT failing re-grades in a row with no new passing
 * requirement it prints the next hint level itself (one level, never the
 * whole section), and `npm run hint` continues from there.
 */
export class LabWatchReporter implements Reporter {
  private readonly stuck = new StuckCounter();

  constructor(private readonly lab: LabInfo) {}

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const { outcome, passed } = labOutcomeWithCount(modules);
    if (outcome === "all-passed") {
      process.stdout.write(`🎉 ${this.lab.id} сдана: все требования выполнены. Следующая лаба — в README курса или npm run progress.\n`);
    }
    if (outcome !== "nothing-run") {
      const action = this.stuck.record(outcome, passed);
      if (action === "hint") process.stdout.write(`${showNextHint(this.lab)}\n\n`);
      if (action === "offer") {
        const offer = hintOffer(this.lab);
        if (offer) process.stdout.write(`${offer}\n`);
      }
    }
    process.stdout.write(`👀 Жду изменений в labs/${this.lab.id}… Сохраните файл — проверка запустится снова. Выход: q или Ctrl+C.\n`);
  }
}

/**
 * Counts failing re-grades in a row. A run that passes more requirements
 * than the previous one is progress and starts the count again, so hints
 * come to a student who is stuck, not to one who is moving.
 */
export class StuckCounter {
  private failures = 0;
  private lastPassed = 0;

  constructor(private readonly every = FAILURES_BEFORE_HINT) {}

  /** What to print after this run: the next hint level, a one-line offer, or nothing (the lab passes). */
  record(outcome: Exclude<LabOutcome, "nothing-run">, passed: number): "hint" | "offer" | "none" {
    const progressed = passed > this.lastPassed;
    this.lastPassed = passed;
    if (outcome === "all-passed") {
      this.failures = 0;
      return "none";
    }
    this.failures = progressed ? 1 : this.failures + 1;
    return this.failures % this.every === 0 ? "hint" : "offer";
  }
}

export type LabOutcome = "all-passed" | "some-passed" | "none-passed" | "nothing-run";

/** Tests skipped because the lab's setup failed count as failed: the student has nothing passing yet. */
export function labOutcome(modules: ReadonlyArray<TestModule>): LabOutcome {
  return labOutcomeWithCount(modules).outcome;
}

function labOutcomeWithCount(modules: ReadonlyArray<TestModule>): { outcome: LabOutcome; passed: number } {
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
  if (passed === 0 && notPassed === 0) return { outcome: errors > 0 ? "none-passed" : "nothing-run", passed };
  if (passed === 0) return { outcome: "none-passed", passed };
  return { outcome: notPassed === 0 && errors === 0 ? "all-passed" : "some-passed", passed };
}
