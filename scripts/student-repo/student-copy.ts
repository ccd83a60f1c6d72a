/**
 * What a student's copy of the course leaves out, and why. Everything else
 * is copied as it is: the deck, the labs, the graders, the lab tooling.
 */
export const COURSE_ONLY: readonly { path: string; why: string }[] = [
  { path: "solutions", why: "эталонные решения" },
  { path: "mutants", why: "заведомо неверные решения, которыми курс проверяет свою автопроверку" },
  { path: "alternatives", why: "другие верные решения, которые автопроверка должна принимать" },
  { path: "scripts/verify.ts", why: "самопроверка курса: сверяет автопроверку с решениями" },
  { path: "scripts/verify", why: "самопроверка курса" },
  { path: "scripts/bench", why: "замеры на решениях" },
  { path: "scripts/tooling-tests", why: "тесты инструментов курса, им нужны решения" },
  { path: "vitest.tooling.config.ts", why: "конфигурация тестов инструментов курса" },
  { path: "scripts/student-repo", why: "этот генератор" },
  { path: ".github/workflows/ci.yml", why: "CI самого курса (npm run verify)" },
  { path: ".ci", why: "локальный CI самого курса" },
  // Regenerated for the copy: the starters' archive and the checksum manifest.
  { path: ".starters", why: "пересоздаётся для копии" },
  { path: ".github/classroom", why: "пересоздаётся для копии" },
];

/** Folders that are never copied, when git cannot say what is tracked. */
export const NEVER_COPIED = ["node_modules", ".git", "dist", ".reports", ".artifacts", ".backups", ".next", "playwright-report"];

export function isCourseOnly(path: string): boolean {
  return COURSE_ONLY.some((entry) => path === entry.path || path.startsWith(`${entry.path}/`));
}

/**
 * npm scripts that cannot work without what the copy leaves out: those
 * that grade solutions/ or run a removed file.
 */
export function isCourseOnlyScript(command: string): boolean {
  if (/--mode[= ]solutions\b|LAB_TARGET=solutions/.test(command)) return true;
  return COURSE_ONLY.some((entry) => new RegExp(`(^|\\s)${escape(entry.path)}(/|\\s|$)`).test(command));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
