import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { LabInfo } from "../../course/labs.ts";
import { REPO_ROOT } from "../../tests/support/lab.ts";

export const HINTS_HEADING = "Подсказки";

/**
 * The «## Подсказки» section of the lab's README, without its heading, or
 * undefined when the README or the section is missing. Every lab README has
 * one (npm run verify checks it), so the README is the one place hints live.
 */
export function readHints(id: string, root = REPO_ROOT): string | undefined {
  const readme = join(root, "labs", id, "README.md");
  if (!existsSync(readme)) return undefined;
  return hintsSection(readFileSync(readme, "utf8"));
}

export function hintsSection(markdown: string): string | undefined {
  const lines = markdown.replaceAll("\r\n", "\n").split("\n");
  const start = lines.findIndex((line) => new RegExp(`^##\\s+${HINTS_HEADING}\\s*$`).test(line));
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  // The section ends at the next heading of the same or a higher level.
  const end = rest.findIndex((line) => /^#{1,2}\s/.test(line));
  const body = (end < 0 ? rest : rest.slice(0, end)).join("\n").trim();
  return body || undefined;
}

/** The text `npm run hint` and the watch mode print. */
export function formatHints(lab: LabInfo, root = REPO_ROOT): string {
  const hints = readHints(lab.id, root);
  const title = `💡 Подсказки к ${lab.id} «${lab.title}»`;
  if (!hints) {
    return `${title}\nВ labs/${lab.id}/README.md нет раздела «## ${HINTS_HEADING}». Перечитайте задание в этом README и названия непройденных тестов.`;
  }
  return `${title}\n\n${hints}\n\nЗадание целиком: labs/${lab.id}/README.md`;
}
