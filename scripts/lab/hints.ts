import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { LabInfo } from "../../course/labs.ts";
import { REPO_ROOT } from "../../tests/support/lab.ts";

/**
 * Hints live with the lab, in their own file `labs/<id>/HINTS.md`: a title, a
 * one-line warning, then three levels, each a «### Уровень N — …» subsection
 * (the idea, the API, a sketch close to code). They are not in the README, so
 * a student who scrolls the task to its doc links does not read level 3 by
 * accident. `npm run hint` shows one level per call, as rustlings shows one
 * hint per exercise, so a student reads only as much as they need. The
 * README's short «## Подсказки» section only says how to open them.
 */
export const README_FILE = "README.md";
export const HINTS_FILE = "HINTS.md";
/** The lab's texts for the student (the task and the hints): no code, and the solutions do not repeat them. */
export const LAB_TEXT_FILES: readonly string[] = [README_FILE, HINTS_FILE];
export const HINTS_HEADING = "Подсказки";
export const LEVEL_COUNT = 3;
export const LEVEL_TITLES = ["идея", "API", "почти код"] as const;

export interface HintLevel {
  /** 1-based. */
  readonly level: number;
  /** The heading's words after the dash: «идея», «API», «почти код». */
  readonly title: string;
  readonly body: string;
}

export function hintsPath(id: string, root = REPO_ROOT): string {
  return join(root, "labs", id, HINTS_FILE);
}

/** The lab's HINTS.md, or undefined when it is missing. */
export function readHints(id: string, root = REPO_ROOT): string | undefined {
  const path = hintsPath(id, root);
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}

/** The «## Подсказки» section of a README, without its heading, or undefined when it is missing or empty. */
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

const LEVEL_HEADING = /^###\s+Уровень\s+(\d+)\s*[—–-]\s*(.*?)\s*$/;

/**
 * Splits a HINTS.md into its «### Уровень N — …» subsections. `before` is the
 * text above the first level (the title and the warning, never shown as a
 * hint); a level's body runs to the next level heading, so it may have its
 * own `####` parts.
 */
export function parseHintLevels(markdown: string): { before: string; levels: HintLevel[] } {
  const lines = markdown.replaceAll("\r\n", "\n").split("\n");
  const levels: { level: number; title: string; lines: string[] }[] = [];
  const before: string[] = [];
  for (const line of lines) {
    const heading = LEVEL_HEADING.exec(line);
    if (heading) levels.push({ level: Number(heading[1]), title: heading[2]!, lines: [] });
    else (levels.at(-1)?.lines ?? before).push(line);
  }
  return {
    before: before.join("\n").trim(),
    levels: levels.map(({ level, title, lines: body }) => ({ level, title, body: body.join("\n").trim() })),
  };
}

function levelShape(): string {
  return LEVEL_TITLES.map((title, index) => `«### Уровень ${index + 1} — ${title}»`).join(", ");
}

/**
 * What is wrong with a lab's HINTS.md, as Russian sentences that say how to
 * fix it; empty when it has the three levels in order, each with a text.
 */
export function hintProblems(markdown: string): string[] {
  const { levels } = parseHintLevels(markdown);
  const problems: string[] = [];
  const numbers = levels.map((entry) => entry.level);
  const titles = levels.map((entry) => entry.title);
  if (numbers.join(",") !== "1,2,3" || titles.join(",") !== LEVEL_TITLES.join(",")) {
    const found = levels.length > 0 ? `сейчас: ${levels.map((entry) => `«${entry.level} — ${entry.title}»`).join(", ")}` : "сейчас их нет";
    problems.push(`нужны ровно три подраздела по порядку: ${levelShape()} (${found}); npm run hint показывает их по одному.`);
  }
  for (const entry of levels.filter((level) => !level.body)) {
    problems.push(`подраздел «### Уровень ${entry.level}» пуст: напишите подсказку этого уровня.`);
  }
  return problems;
}

/**
 * What is wrong with a lab README's «## Подсказки»: it must only say how to
 * open the hints (the command and the file), never hold the levels themselves.
 */
export function readmeHintProblems(markdown: string, id: string): string[] {
  const problems: string[] = [];
  const section = hintsSection(markdown);
  const command = `npm run hint -- ${id}`;
  if (section === undefined) {
    problems.push(`нет раздела «## ${HINTS_HEADING}». Добавьте короткий абзац: уровни открываются по одному командой ${command} (--all — все, --reset — сначала), а лежат в ${HINTS_FILE}.`);
  } else if (!section.includes(command) || !section.includes(HINTS_FILE)) {
    problems.push(`в разделе «## ${HINTS_HEADING}» назовите команду ${command} и файл ${HINTS_FILE}, где лежат уровни.`);
  }
  const inline = markdown.replaceAll("\r\n", "\n").split("\n").filter((line) => LEVEL_HEADING.test(line));
  if (inline.length > 0) {
    problems.push(`уровни подсказок (${inline.map((line) => `«${line.trim()}»`).join(", ")}) должны быть в ${HINTS_FILE}, а не в README: иначе студент, листая задание, прочтёт почти готовый код.`);
  }
  return problems;
}

/**
 * The lab's hint levels. A HINTS.md without level headings gives its whole
 * text after the title as the only level.
 */
export function labHintLevels(id: string, root = REPO_ROOT): HintLevel[] | undefined {
  const markdown = readHints(id, root);
  if (markdown === undefined) return undefined;
  const { before, levels } = parseHintLevels(markdown);
  if (levels.length > 0) return levels;
  const body = before.replace(/^#\s.*\n?/, "").trim();
  return body ? [{ level: 1, title: "подсказки", body }] : undefined;
}

// ---------------------------------------------------------------------------
// How many levels the student has seen, per lab. The file is under .reports/,
// which git ignores and the student copy never ships.

export function hintStatePath(root = REPO_ROOT): string {
  return resolve(root, process.env.HINTS_STATE ?? join(".reports", "hints.json"));
}

type HintState = Record<string, number>;

function readState(root: string): HintState {
  try {
    const parsed: unknown = JSON.parse(readFileSync(hintStatePath(root), "utf8"));
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as HintState;
  } catch {
    // A missing or broken file means no hints were seen yet: hints must never fail on it.
  }
  return {};
}

function writeState(state: HintState, root: string): void {
  const path = hintStatePath(root);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(state, null, 2)}\n`);
}

/** How many levels of this lab were shown (0 when none). */
export function levelsSeen(id: string, root = REPO_ROOT): number {
  const seen = readState(root)[id];
  return typeof seen === "number" && Number.isInteger(seen) && seen > 0 ? seen : 0;
}

export function rememberLevelsSeen(id: string, seen: number, root = REPO_ROOT): void {
  const state = readState(root);
  if (seen > 0) state[id] = seen;
  else delete state[id];
  writeState(state, root);
}

// ---------------------------------------------------------------------------
// What `npm run hint` and the watch mode print.

function title(lab: LabInfo): string {
  return `💡 Подсказки к ${lab.id} «${lab.title}»`;
}

function missing(lab: LabInfo): string {
  return `${title(lab)}\nУ лабы нет подсказок: файла labs/${lab.id}/${HINTS_FILE} нет или в нём пусто. Перечитайте задание в labs/${lab.id}/${README_FILE} и названия непройденных тестов.`;
}

function levelBlock(entry: HintLevel, total: number): string {
  return `── Уровень ${entry.level} из ${total}: ${entry.title} ──\n\n${entry.body}`;
}

/**
 * Shows the next level the student has not seen and remembers it; once all
 * are seen, shows the last one again. This is `npm run hint -- <lab>`.
 */
export function showNextHint(lab: LabInfo, root = REPO_ROOT): string {
  const levels = labHintLevels(lab.id, root);
  if (!levels) return missing(lab);
  const seen = levelsSeen(lab.id, root);
  const index = Math.min(seen, levels.length - 1);
  const entry = levels[index]!;
  rememberLevelsSeen(lab.id, Math.max(seen, index + 1), root);
  const remaining = levels.length - (index + 1);
  const command = `npm run hint -- ${lab.id}`;
  const footer =
    remaining > 0
      ? `Осталось уровней: ${remaining}. Следующий — снова ${command}.`
      : seen >= levels.length
        ? `Все уровни уже показаны, это снова последний. Все сразу: ${command} --all; начать с первого: ${command} --reset.`
        : `Это последний уровень. Все сразу: ${command} --all; начать с первого: ${command} --reset.`;
  return `${title(lab)}\n\n${levelBlock(entry, levels.length)}\n\n${footer}\nЗадание целиком: labs/${lab.id}/README.md`;
}

/** Every level at once (`--all`); counts them all as seen. */
export function showAllHints(lab: LabInfo, root = REPO_ROOT): string {
  const levels = labHintLevels(lab.id, root);
  if (!levels) return missing(lab);
  rememberLevelsSeen(lab.id, levels.length, root);
  const blocks = levels.map((entry) => levelBlock(entry, levels.length)).join("\n\n");
  return `${title(lab)}\n\n${blocks}\n\nНачать с первого уровня: npm run hint -- ${lab.id} --reset\nЗадание целиком: labs/${lab.id}/README.md`;
}

/** Forgets the levels seen (`--reset`). */
export function resetHints(lab: LabInfo, root = REPO_ROOT): string {
  rememberLevelsSeen(lab.id, 0, root);
  return `🔄 Подсказки к ${lab.id} начнутся сначала: npm run hint -- ${lab.id} покажет уровень 1.`;
}

/** The one-line offer the watch mode prints after a failing re-grade. */
export function hintOffer(lab: LabInfo, root = REPO_ROOT): string | undefined {
  const levels = labHintLevels(lab.id, root);
  if (!levels) return undefined;
  const seen = levelsSeen(lab.id, root);
  if (seen >= levels.length) return `💡 Все подсказки к ${lab.id} уже открыты: npm run hint -- ${lab.id} --all`;
  return `💡 Застряли? npm run hint -- ${lab.id} покажет подсказку уровня ${seen + 1} из ${levels.length} (в другом терминале).`;
}
