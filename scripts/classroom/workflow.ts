/**
 * The GitHub Classroom workflow, built from course/labs.ts. GitHub Classroom
 * reads the score only from a workflow named "Autograding Tests" with one job
 * `run-autograding-tests` (the reporter's README says so), and the command
 * grader passes its command only PATH, HOME and FORCE_COLOR, so the database
 * URL is set inside each command.
 */
import { labs, type LabInfo } from "../../course/labs.ts";
import { POSTGRES_IMAGE } from "../../tests/support/postgres/testcontainers.ts";
import { integrityCommand, MANIFEST_PATH, PROTECTED_PATHS, type IntegrityPins } from "./protected.ts";

export const WORKFLOW_PATH = ".github/workflows/classroom.yml";
export const COMMAND_GRADER = "classroom-resources/autograding-command-grader@v1";
export const GRADING_REPORTER = "classroom-resources/autograding-grading-reporter@v1";
export const SERVICE_DATABASE_URL = "postgres://postgres:postgres@localhost:5432/postgres";
/**
 * Minutes a lab's step may take. A correct lab grades in seconds; the worst a
 * student's code can do is hang every test (10 s each, or 15 s until the loop
 * watchdog ends a worker), which stays within this.
 */
export const STEP_TIMEOUT_MINUTES = 4;
/**
 * The lab's own deadline, inside the step's: `timeout` signals its whole
 * process group (npm, Vitest, its workers, PostgreSQL), and sends SIGKILL if
 * they are still there 10 s later, so a timed-out lab leaves nothing running.
 */
const LAB_DEADLINE_SECONDS = STEP_TIMEOUT_MINUTES * 60 - 30;
/** Checkout, Node and npm ci, and the reporter's steps at the end, in minutes. */
const SETUP_MINUTES = 10;
const INTEGRITY_MINUTES = 1;
/** In the course repository (it has solutions/) the steps are skipped: there is no student work to grade. */
const ONLY_IN_STUDENT_REPO = "hashFiles('solutions/**') == ''";
export const INTEGRITY_STEP_ID = "integrity";

export interface GradingStep {
  id: string;
  name: string;
  command: string;
  maxScore: number;
}

/** The command grader's steps: the integrity check (0 points, so it shows in the report), then one per lab. */
export function gradingSteps(pins: IntegrityPins | undefined, courseLabs: readonly LabInfo[] = labs): GradingStep[] {
  const check = integrityCommand(pins);
  return [
    { id: INTEGRITY_STEP_ID, name: "Тесты и настройки проверки не изменены", command: check, maxScore: 0 },
    ...courseLabs.map((lab) => ({
      id: lab.id,
      name: `${lab.id} · ${lab.title}`,
      command: `${check} && ${labCommand(lab.id)}`,
      maxScore: lab.points,
    })),
  ];
}

/** `npm test -- <lab>` against the service container; each lab keeps its JSON report for the artifact. */
export function labCommand(id: string): string {
  return `DATABASE_URL=${SERVICE_DATABASE_URL} GRADING_REPORT=.reports/classroom/${id}.json timeout --kill-after=10s ${LAB_DEADLINE_SECONDS}s npm test -- ${id}`;
}

/** The job's limit covers every step's own limit, so a few hung labs still get a grade posted. */
export function jobTimeoutMinutes(courseLabs: readonly LabInfo[] = labs): number {
  return SETUP_MINUTES + INTEGRITY_MINUTES + courseLabs.length * STEP_TIMEOUT_MINUTES;
}

export function renderWorkflow(pins: IntegrityPins | undefined, courseLabs: readonly LabInfo[] = labs): string {
  const steps = gradingSteps(pins, courseLabs);
  const lines = [
    "# Сгенерировано scripts/classroom/generate-workflow.ts из course/labs.ts — не редактируйте вручную.",
    "# Обновить: npm run classroom:generate (в копии для студентов это делает npm run make-student-repo).",
    "# Шаг «integrity» сверяет контрольные суммы файлов проверки",
    `# (${PROTECTED_PATHS.join(", ")}) с ${MANIFEST_PATH};`,
    "# если студент их изменил, ни одна лаба не получает баллов.",
    "name: Autograding Tests",
    "on:",
    "  - push",
    "  - repository_dispatch",
    "  - workflow_dispatch",
    "permissions:",
    "  checks: write",
    "  actions: read",
    "  contents: read",
    "jobs:",
    "  run-autograding-tests:",
    "    runs-on: ubuntu-latest",
    "    if: github.actor != 'github-classroom[bot]'",
    `    timeout-minutes: ${jobTimeoutMinutes(courseLabs)}`,
    "    services:",
    "      postgres:",
    `        image: ${POSTGRES_IMAGE}`,
    "        env:",
    "          POSTGRES_USER: postgres",
    "          POSTGRES_PASSWORD: postgres",
    "          POSTGRES_DB: postgres",
    "        ports:",
    "          - 5432:5432",
    `        options: ${q("--health-cmd pg_isready --health-interval 2s --health-timeout 5s --health-retries 30")}`,
    "    steps:",
    "      - name: Checkout code",
    "        uses: actions/checkout@v4",
    "      - name: Course repository notice",
    `        if: \${{ !(${ONLY_IN_STUDENT_REPO}) }}`,
    `        run: ${q(`echo ${q("::notice::Это репозиторий курса (есть solutions/): автопроверка Classroom идёт только в копиях студентов (npm run make-student-repo).")}`)}`,
    "      - name: Set up Node.js",
    `        if: \${{ ${ONLY_IN_STUDENT_REPO} }}`,
    "        uses: actions/setup-node@v4",
    "        with:",
    "          node-version-file: .nvmrc",
    "          cache: npm",
    "      - name: Install dependencies",
    `        if: \${{ ${ONLY_IN_STUDENT_REPO} }}`,
    "        run: npm ci",
  ];
  for (const step of steps) {
    lines.push(
      `      - name: ${q(step.name)}`,
      `        id: ${step.id}`,
      `        if: \${{ ${ONLY_IN_STUDENT_REPO} }}`,
      `        uses: ${COMMAND_GRADER}`,
      "        with:",
      `          test-name: ${q(step.name)}`,
      `          command: ${q(step.command)}`,
      `          timeout: ${step.id === INTEGRITY_STEP_ID ? INTEGRITY_MINUTES : STEP_TIMEOUT_MINUTES}`,
      `          max-score: ${step.maxScore}`,
    );
  }
  lines.push(
    "      - name: Autograding Reporter",
    // Always: a lab that failed or timed out still has its result posted, with the others.
    `        if: \${{ always() && ${ONLY_IN_STUDENT_REPO} }}`,
    `        uses: ${GRADING_REPORTER}`,
    "        env:",
    ...steps.map((step) => `          ${step.id.toUpperCase()}_RESULTS: ${q(`\${{ steps.${step.id}.outputs.result }}`)}`),
    "        with:",
    `          runners: ${steps.map((step) => step.id).join(",")}`,
    "      - name: Upload the JSON grading reports",
    `        if: \${{ always() && ${ONLY_IN_STUDENT_REPO} }}`,
    "        uses: actions/upload-artifact@v4",
    "        with:",
    "          name: grading-reports",
    "          path: .reports/classroom/",
    "          if-no-files-found: ignore",
  );
  return `${lines.join("\n")}\n`;
}

/** A YAML double-quoted scalar: JSON's string syntax is valid YAML. */
function q(value: string): string {
  return JSON.stringify(value);
}
