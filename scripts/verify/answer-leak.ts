/**
 * `npm run leak`: how much of each lab's answer a student can read without
 * solving it (issue 15). The answer of lab N is what solutions/bauthNN adds to
 * labs/bauthNN; a line leaks when it appears verbatim in something the student
 * reads before solving: the lab's README, its hints (HINTS.md, all levels
 * count: `--all` shows them at once), its starter, the slides, snippets/ or
 * components/.
 *
 * - Answer lines: the non-trivial normalized lines of the solution's code files
 *   that no line of the same lab's starter has (each distinct line counted once).
 *   Generated migrations (drizzle/) are not answer: Drizzle Kit writes them.
 *   Only lab N's starter is compared with lab N's solution: later starters repeat
 *   earlier answers by design (a lab is a full snapshot).
 * - Normalized: trimmed, runs of whitespace made one space, trailing `,` and `;` dropped.
 * - Trivial (not counted): blank lines; lines without a letter or digit (lone
 *   braces, brackets, `});`); comments and JSDoc lines; region markers;
 *   imports and re-exports (`import …`, `} from "…"`); directives
 *   ("use server"); and lines with at most one name besides keywords and
 *   literals (`try {`, `} catch (error) {`, `return note`, `headers,`,
 *   `throw new Error(`, `session: {`), unless the line sets an option to a value
 *   (`httpOnly: true`).
 * - Leaked: the normalized answer line is contained, without cutting a word, in
 *   one normalized line of a source. A starter's code is given by design, so
 *   only its comments count (a TODO that spells the answer). Sources are read
 *   as a student sees them: comment markers, Markdown list markers and
 *   inline-code backticks are dropped, and a slide's `<<< @/file#region`
 *   import counts as the region's code it renders.
 *
 * Fails (exit 1, or problems for `npm run verify`) when the total share of
 * leaked lines exceeds 15% or one lab's share exceeds 30%, naming the worst lines.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, resolve } from "node:path";
import { labs } from "../../course/labs.ts";
import { REPO_ROOT } from "../../tests/support/lab.ts";
import { LAB_TEXT_FILES } from "../lab/hints.ts";

export const TOTAL_LIMIT = 0.15;
export const LAB_LIMIT = 0.3;

const CODE_EXTENSIONS = new Set([".ts", ".tsx", ".mts", ".js", ".mjs", ".vue"]);
/** Words that alone do not make a line part of an answer. */
const FILLER_WORDS = new Set([
  "try", "catch", "finally", "else", "return", "null", "undefined", "true", "false", "break", "continue",
  "default", "await", "async", "export", "const", "let", "function", "new", "this", "void", "as",
  "throw", "if", "of", "in", "typeof",
]);
const REGION_MARKER = /^(\/\/|<!--)\s*#?(end)?region\b/;
const SNIPPET_IMPORT = /^\s*<<<\s*(\S+?)(?:#([\w-]+))?(?:\s.*)?$/;

export interface LeakedLine {
  line: string;
  /** Repository-relative path of the first source that shows it: the lab's own README, hints and starter come first. */
  source: string;
  /** Whether that source is the lab's own README, hints or starter (not the slides, snippets/ or components/). */
  own: boolean;
}

export interface LabLeak {
  id: string;
  answerLines: string[];
  leaked: LeakedLine[];
}

export function normalizeLine(line: string): string {
  return line.trim().replace(/\s+/g, " ").replace(/[,;]+$/, "").trim();
}

/** Whether a normalized code line carries no part of an answer (see the file's comment). */
export function isTrivialLine(line: string): boolean {
  if (line === "" || !/[\p{L}\p{N}]/u.test(line)) return true;
  if (/^(\/\/|\/\*|\*|\{\/\*|<!--)/.test(line) || REGION_MARKER.test(line)) return true;
  if (/^import\b/.test(line) || /^(\}|export \*|export \{.*\}) from\b/.test(line)) return true;
  if (/^["'`]use (server|client|strict)["'`]$/.test(line)) return true;
  const meaningful = new Set((line.match(/[\p{L}\p{N}_$]+/gu) ?? []).filter((word) => !FILLER_WORDS.has(word)));
  // One name alone (`headers,`, `return note`, `throw new Error(`) says nothing; one option set to a value does.
  return meaningful.size === 0 || (meaningful.size === 1 && !/^[\w$]+\??: [^\s{[(]/.test(line));
}

function isCommentLine(line: string): boolean {
  return /^(\/\/|\/\*|\*|\{\/\*)/.test(line.trim());
}

/** A source line as a reader sees it: no comment or list markers, no inline-code backticks. */
export function normalizeSourceLine(line: string): string {
  const text = line
    .trim()
    .replace(/^(\/\/+|\/\*+|\*\/|\*|<!--|-->)\s?/, "")
    .replace(/^([-+>]|\d+\.)\s+/, "")
    .replaceAll("`", "");
  return normalizeLine(text);
}

/** Distinct non-trivial lines of `solution` that no line of `starter` has. */
export function answerLines(solution: string[], starter: string[]): string[] {
  const inStarter = new Set(starter.map(normalizeLine));
  const answer = new Set<string>();
  for (const raw of solution) {
    const line = normalizeLine(raw);
    if (!isTrivialLine(line) && !inStarter.has(line)) answer.add(line);
  }
  return [...answer];
}

/** The first source (by name) whose normalized lines contain the answer line. */
export function findLeak(line: string, sources: Map<string, string[]>): string | undefined {
  for (const [name, lines] of sources) if (lines.some((sourceLine) => containsWhole(sourceLine, line))) return name;
  return undefined;
}

/** `part` occurs in `text` and does not cut a word at either end (`return note` is not in `return notes`). */
function containsWhole(text: string, part: string): boolean {
  const isWord = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}_$]/u.test(char);
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
    const cutsStart = isWord(part[0]) && isWord(text[at - 1]);
    const cutsEnd = isWord(part.at(-1)) && isWord(text[at + part.length]);
    if (!cutsStart && !cutsEnd) return true;
  }
  return false;
}

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules" || entry === ".next") continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files.push(...filesUnder(path, keep));
    else if (keep(path)) files.push(path);
  }
  return files.sort();
}

function readLines(path: string): string[] {
  return readFileSync(path, "utf8").replaceAll("\r\n", "\n").split("\n");
}

/** The code lines of a lab folder: code files only, no README or hints, no generated migrations. */
function labCodeLines(dir: string): string[] {
  return filesUnder(dir, (path) => CODE_EXTENSIONS.has(extname(path)) && !relative(dir, path).startsWith("drizzle/")).flatMap(readLines);
}

/** A slide's lines with each `<<< @/file#region` import replaced by the code it renders. */
function slideLines(path: string, root: string): string[] {
  return readLines(path).flatMap((line) => {
    const snippet = SNIPPET_IMPORT.exec(line);
    if (!snippet) return [line];
    const target = snippet[1]!;
    const file = target.startsWith("@/") ? join(root, target.slice(2)) : resolve(path, "..", target);
    if (!existsSync(file)) return [line];
    return regionLines(readLines(file), snippet[2]);
  });
}

function regionLines(lines: string[], region: string | undefined): string[] {
  if (!region) return lines;
  const marker = (kind: "region" | "endregion") => (line: string) =>
    new RegExp(`^\\s*//\\s*#?${kind}\\s+${region}\\s*$`).test(line);
  const start = lines.findIndex(marker("region"));
  const end = lines.findIndex(marker("endregion"));
  return start < 0 ? lines : lines.slice(start + 1, end < 0 ? undefined : end);
}

/** Sources every lab shares: the slides (with their imports), snippets/ and components/. */
function sharedSources(root: string): Map<string, string[]> {
  const sources = new Map<string, string[]>();
  const slides = [join(root, "slides.md"), ...filesUnder(join(root, "pages"), (path) => path.endsWith(".md"))];
  for (const path of slides.filter(existsSync)) sources.set(relative(root, path), slideLines(path, root));
  for (const folder of ["snippets", "components"]) {
    for (const path of filesUnder(join(root, folder), () => true)) sources.set(relative(root, path), readLines(path));
  }
  return sources;
}

function normalizedSources(sources: Map<string, string[]>): Map<string, string[]> {
  return new Map([...sources].map(([name, lines]) => [name, lines.map(normalizeSourceLine).filter(Boolean)]));
}

export function measureLeaks(root = REPO_ROOT): LabLeak[] {
  const shared = sharedSources(root);
  // A lab without its starter or its solution has no answer to measure yet (the lab-structure check says so).
  const complete = labs.filter(({ id }) => existsSync(join(root, "labs", id)) && existsSync(join(root, "solutions", id)));
  return complete.map(({ id }) => {
    const starter = join(root, "labs", id);
    const own = new Map<string, string[]>();
    for (const text of LAB_TEXT_FILES.map((file) => join(starter, file)).filter(existsSync)) {
      own.set(relative(root, text), readLines(text));
    }
    // The starter's code is given by design (its lines are not answer lines); what it can leak is its comments.
    for (const path of filesUnder(starter, (file) => CODE_EXTENSIONS.has(extname(file)))) {
      own.set(relative(root, path), readLines(path).filter(isCommentLine));
    }
    const sources = normalizedSources(new Map([...own, ...shared]));
    const answer = answerLines(labCodeLines(join(root, "solutions", id)), labCodeLines(starter));
    const leaked = answer.flatMap((line) => {
      const source = findLeak(line, sources);
      return source === undefined ? [] : [{ line, source, own: own.has(source) }];
    });
    return { id, answerLines: answer, leaked };
  });
}

function share(leaked: number, total: number): number {
  return total === 0 ? 0 : leaked / total;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(0)}%`;
}

/** The over-limit verdicts, each naming the lab's leaked lines and where they show; empty when within limits. */
export function leakProblems(results: LabLeak[], worstLines = 5): string[] {
  const problems: string[] = [];
  const answer = results.reduce((sum, lab) => sum + lab.answerLines.length, 0);
  const leaked = results.reduce((sum, lab) => sum + lab.leaked.length, 0);
  const bySource = (lab: LabLeak) =>
    lab.leaked
      .slice(0, worstLines)
      .map(({ line, source }) => `${source}: ${line}`)
      .join("\n");
  for (const lab of results) {
    const labShare = share(lab.leaked.length, lab.answerLines.length);
    if (labShare > LAB_LIMIT) {
      problems.push(
        `${lab.id}: видно ${lab.leaked.length} из ${lab.answerLines.length} строк ответа (${percent(labShare)}, предел ${percent(LAB_LIMIT)}). ` +
          `Уберите код ответа из README, подсказок (HINTS.md), TODO-комментариев и слайдов, опишите задачу словами. Например:\n${bySource(lab)}`,
      );
    }
  }
  const totalShare = share(leaked, answer);
  if (totalShare > TOTAL_LIMIT) {
    const worst = [...results].sort((a, b) => b.leaked.length - a.leaked.length)[0];
    problems.push(
      `всего видно ${leaked} из ${answer} строк ответа (${percent(totalShare)}, предел ${percent(TOTAL_LIMIT)}). ` +
        (worst && worst.leaked.length > 0 ? `Больше всего — в ${worst.id}:\n${bySource(worst)}` : ""),
    );
  }
  return problems;
}

export function leakTable(results: LabLeak[]): string {
  const rows = results.map((lab) => ({
    id: lab.id,
    answer: lab.answerLines.length,
    leaked: lab.leaked.length,
    own: lab.leaked.filter((line) => line.own).length,
  }));
  const sum = (key: "answer" | "leaked" | "own") => rows.reduce((total, row) => total + row[key], 0);
  const widths = [8, 12, 6, 5, 17];
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(" ");
  const row = (id: string, answer: number, leaked: number, own: number) =>
    line([id, String(answer), String(leaked), percent(share(leaked, answer)), String(own)]);
  return [
    line(["Лаба", "строк ответа", "видно", "%", "README/HINTS/TODO"]),
    ...rows.map((r) => row(r.id, r.answer, r.leaked, r.own)),
    row("всего", sum("answer"), sum("leaked"), sum("own")),
  ].join("\n");
}

/** The check `npm run verify` runs. */
export function checkAnswerLeak(): string[] {
  return leakProblems(measureLeaks());
}

if (import.meta.main) {
  const results = measureLeaks();
  console.log(leakTable(results));
  if (process.argv.includes("--lines")) {
    for (const lab of results) for (const { line, source } of lab.leaked) console.log(`${lab.id}  ${source}: ${line}`);
  }
  const problems = leakProblems(results);
  if (problems.length > 0) {
    console.error(`\n❌ Ответ виден до решения: проблем ${problems.length}`);
    for (const problem of problems) console.error(`  • ${problem.replaceAll("\n", "\n    ")}`);
    process.exit(1);
  }
  console.log(`\n✅ Ответ не виден: всего не больше ${percent(TOTAL_LIMIT)}, в каждой лабе не больше ${percent(LAB_LIMIT)}.`);
}
