/**
 * Static check of the lecture deck. Lists EVERY problem, each with its fix:
 *
 *  - a TypeScript/JavaScript code block on a slide that is neither a snippet
 *    import (`<<< @/snippets/x.ts#region`) nor wrapped in <PseudoCode>;
 *  - a snippet import naming a missing file or region, or a TypeScript file
 *    outside the type-checked folders (snippets/, solutions/);
 *  - a <LabBadge> naming a lab that is not in course/labs.ts, a lab with no
 *    badge, a routeAlias that course/labs.ts requires and no slide declares;
 *  - a slide without speaker notes;
 *  - a remote resource (src="https://…", url(https://…), <iframe>) that would
 *    break the deck offline;
 *  - a slide without its planned time (`⏱ N мин` in the notes), or a plan
 *    longer than the headmatter's `duration` (timing.ts);
 *  - fewer than MIN_REVEALS step-by-step reveals in the deck (reveals.ts);
 *  - a quiz whose right answers crowd one position (quiz-positions.ts).
 *
 *   npx tsx scripts/deck/check.ts     (npm run deck:check)
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { labs } from "../../course/labs";
import { lectures, type LectureInfo } from "../../course/lectures";
import { type DeckSlide, loadDeck, repoRoot } from "./deck-source";
import { checkQuizPositions, letter } from "./quiz-positions";
import { countReveals, type RevealKind, totalReveals } from "./reveals";
import { checkTimePlan, formatMinutes } from "./timing";

/** Issue 14: the lecture reveals its argument step by step in at least this many places. */
export const MIN_REVEALS = 20;

/** Languages whose blocks must be real (imported) code or marked pseudo-code. */
const CODE_LANGS = new Set(["ts", "typescript", "tsx", "mts", "cts", "js", "javascript", "jsx", "mjs", "vue"]);
/** Folders whose .ts files the root tsconfig type-checks and slides may import. */
const TYPECHECKED_DIRS = ["snippets", "solutions"];

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/;
// The same shape Slidev's own snippet rule accepts.
const SNIPPET_IMPORT = /^\s*<<<[ \t]*(\S.*?)(#[\w-]+)?[ \t]*(?:[ \t](\S+?))?[ \t]*(\{.*)?$/;
const REGION_START = /^\s*\/\/\s*#?region\b\s*(.*?)\s*$/;
const REGION_END = /^\s*\/\/\s*#?endregion\b\s*(.*?)\s*$/;
const PSEUDO_OPEN = /<PseudoCode\b[^>]*>/g;
const PSEUDO_CLOSE = /<\/PseudoCode\s*>/g;
const BADGE = /<LabBadge\b([^>]*)\/?>/g;
const REMOTE = [
  { re: /\bsrc\s*=\s*["']?(https?:)?\/\//i, what: "src с внешним адресом" },
  { re: /url\(\s*["']?(https?:)?\/\//i, what: "url() с внешним адресом" },
  { re: /<iframe\b/i, what: "<iframe>" },
  { re: /@import\s+["']?(url\()?["']?https?:/i, what: "@import с внешним адресом" },
];

function at(slide: DeckSlide, bodyLine?: number): string {
  const line = bodyLine === undefined ? slide.line : slide.contentLine + bodyLine;
  return `${slide.file}:${line} (слайд ${slide.no})`;
}

function listFiles(dir: string, exts: string[]): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && exts.some((e) => d.name.endsWith(e)))
    .map((d) => path.join(d.parentPath, d.name));
}

function checkCode(slide: DeckSlide, problems: string[]) {
  const lines = slide.content.split(/\r?\n/);
  let pseudoDepth = 0;
  let fence: { marker: string; lang: string; line: number; pseudo: boolean } | null = null;
  lines.forEach((line, i) => {
    if (fence) {
      if (line.trim().startsWith(fence.marker) && line.trim().replace(/[`~]/g, "") === "") fence = null;
      return;
    }
    const opened = line.match(FENCE);
    if (opened) {
      const lang = (opened[3] ?? "").toLowerCase();
      fence = { marker: opened[2]!, lang, line: i, pseudo: pseudoDepth > 0 };
      if (CODE_LANGS.has(lang) && pseudoDepth === 0) {
        problems.push(
          `${at(slide, i)}: блок кода \`\`\`${lang} не импортирован из файла и не помечен как псевдокод. ` +
            `Перенесите код в snippets/<файл>.ts между \`// #region имя\` и \`// #endregion имя\` и вставьте \`<<< @/snippets/<файл>.ts#имя\`, ` +
            `или оберните блок в <PseudoCode> … </PseudoCode>, если это намеренно упрощённый код.`,
        );
      }
      return;
    }
    pseudoDepth += (line.match(PSEUDO_OPEN)?.length ?? 0) - (line.match(PSEUDO_CLOSE)?.length ?? 0);

    const snippet = line.match(SNIPPET_IMPORT);
    if (snippet) checkSnippet(slide, i, snippet[1]!.trim(), snippet[2]?.slice(1), problems);
  });
  if (pseudoDepth !== 0) {
    problems.push(`${at(slide)}: непарный <PseudoCode>. Закройте его тегом </PseudoCode>.`);
  }
}

function checkSnippet(slide: DeckSlide, bodyLine: number, target: string, region: string | undefined, problems: string[]) {
  const slideDir = path.dirname(path.join(repoRoot, slide.file));
  const file = target.startsWith("@/") ? path.join(repoRoot, target.slice(2)) : path.resolve(slideDir, target);
  const shown = path.relative(repoRoot, file);
  if (!existsSync(file)) {
    problems.push(`${at(slide, bodyLine)}: импорт \`<<< ${target}\` ссылается на несуществующий файл ${shown}. Создайте файл или исправьте путь.`);
    return;
  }
  const ext = path.extname(file);
  if ([".ts", ".tsx", ".mts"].includes(ext) && !TYPECHECKED_DIRS.some((dir) => shown.startsWith(`${dir}/`))) {
    problems.push(
      `${at(slide, bodyLine)}: ${shown} не входит в проверку типов слайдов. Импортируйте код из snippets/ или solutions/, которые проверяет \`npx tsc --noEmit -p tsconfig.json\`.`,
    );
  }
  if (!region) {
    problems.push(
      `${at(slide, bodyLine)}: импорт \`<<< ${target}\` без региона вставит файл целиком. Отметьте нужную часть \`// #region имя\` … \`// #endregion имя\` и допишите \`#имя\`.`,
    );
    return;
  }
  const lines = readFileSync(file, "utf8").split(/\r?\n/);
  const starts = lines.filter((l) => REGION_START.exec(l)?.[1] === region).length;
  const ends = lines.filter((l) => REGION_END.exec(l)?.[1] === region).length;
  if (starts === 0) {
    problems.push(
      `${at(slide, bodyLine)}: в ${shown} нет региона «${region}» (Slidev молча вставил бы весь файл). Добавьте \`// #region ${region}\` и \`// #endregion ${region}\` или исправьте имя.`,
    );
  } else if (starts !== 1 || ends !== 1) {
    problems.push(
      `${at(slide, bodyLine)}: в ${shown} регион «${region}» открыт ${starts} раз и закрыт ${ends} раз. Оставьте ровно одну пару \`// #region ${region}\` / \`// #endregion ${region}\`.`,
    );
  }
}

export interface DeckSummary {
  readonly problems: string[];
  readonly slides: number;
  /** Planned minutes of the presented slides, and the headmatter's duration. */
  readonly minutes: number;
  readonly budget: number | null;
  readonly appendixSlides: number;
  readonly minutesPerFile: Map<string, number>;
  readonly reveals: Map<RevealKind, number>;
  /** Zero-based positions of the quiz's right answers. */
  readonly quizPositions: number[];
}

/** Problems of every lecture's deck, each prefixed with the deck's file. */
export async function checkDeck(): Promise<string[]> {
  const problems: string[] = [];
  for (const lecture of lectures) problems.push(...(await summarizeDeck(lecture)).problems.map((problem) => `${lecture.entry}: ${problem}`));
  return problems;
}

export async function summarizeDeck(lecture: LectureInfo): Promise<DeckSummary> {
  const problems: string[] = [];
  if (!existsSync(path.join(repoRoot, lecture.entry))) {
    problems.push(`нет файла колоды ${lecture.entry}, а course/lectures.ts его называет. Создайте колоду или уберите её из списка.`);
    return { problems, slides: 0, minutes: 0, budget: null, appendixSlides: 0, minutesPerFile: new Map(), reveals: new Map(), quizPositions: [] };
  }
  const deck = await loadDeck(lecture.entry);
  const reveals = new Map<RevealKind, number>();
  const labIds = new Set<string>(labs.map((lab) => lab.id));
  const badged = new Map<string, number[]>();
  const aliases = new Map<string, DeckSlide[]>();

  for (const slide of deck) {
    checkCode(slide, problems);

    for (const match of slide.content.matchAll(BADGE)) {
      const id = /\bid\s*=\s*"([^"]*)"/.exec(match[1] ?? "")?.[1];
      if (!id) {
        problems.push(`${at(slide)}: <LabBadge> без статического id. Пишите <LabBadge id="bauthNN" />, чтобы проверка видела, какая это лабораторная.`);
        continue;
      }
      if (!labIds.has(id)) {
        problems.push(
          `${at(slide)}: <LabBadge id="${id}" /> — такой лабораторной нет в course/labs.ts (есть: ${[...labIds].join(", ")}). Исправьте id.`,
        );
        continue;
      }
      badged.set(id, [...(badged.get(id) ?? []), slide.no]);
    }

    const alias = slide.frontmatter.routeAlias;
    if (typeof alias === "string") aliases.set(alias, [...(aliases.get(alias) ?? []), slide]);

    for (const [kind, n] of countReveals(slide)) reveals.set(kind, (reveals.get(kind) ?? 0) + n);

    if (!slide.note.trim()) {
      problems.push(
        `${at(slide)}: у слайда нет заметок докладчика. Добавьте в конец слайда HTML-комментарий <!-- … --> с тем, что сказать, вероятным вопросом студента и строкой «⏱ N мин».`,
      );
    }

    for (const { re, what } of REMOTE) {
      if (re.test(slide.content)) {
        problems.push(`${at(slide)}: ${what} — в аудитории без интернета это не загрузится. Положите файл в public/ и сошлитесь на него локально.`);
      }
    }
  }

  for (const lab of labs.filter((item) => item.lecture === lecture.number)) {
    if (!badged.has(lab.id)) {
      problems.push(`Лабораторная ${lab.id} («${lab.title}») не упомянута ни на одном слайде. Добавьте <LabBadge id="${lab.id}" /> на слайд, который её вводит.`);
    }
    const owners = aliases.get(lab.slide) ?? [];
    if (owners.length === 0) {
      problems.push(
        `course/labs.ts ждёт слайд с routeAlias «${lab.slide}» для ${lab.id}, но такого нет. Добавьте \`routeAlias: ${lab.slide}\` во frontmatter первого слайда раздела ${lab.id}.`,
      );
    } else if (owners.length > 1) {
      problems.push(`routeAlias «${lab.slide}» объявлен на слайдах ${owners.map((s) => s.no).join(", ")}. Оставьте его на одном слайде.`);
    } else if (!(badged.get(lab.id) ?? []).includes(owners[0]!.no)) {
      problems.push(`${at(owners[0]!)}: слайд с routeAlias «${lab.slide}» не показывает <LabBadge id="${lab.id}" />. Добавьте бейдж на этот слайд.`);
    }
  }

  const plan = checkTimePlan(deck, (slide) => at(slide));
  problems.push(...plan.problems);
  const revealCount = totalReveals(reveals);
  if (revealCount < MIN_REVEALS) {
    problems.push(
      `пошаговых показов в колоде ${revealCount}, нужно не меньше ${MIN_REVEALS}. Раскрывайте по щелчку списки и сравнения, которые строят аргумент (<v-clicks>, v-click), код — пошаговой подсветкой \`{1|3-4|all}\`, последовательности — диаграммой по шагам.`,
    );
  }
  const quiz = checkQuizPositions(deck, (slide) => at(slide));
  problems.push(...quiz.problems);

  // Components and styles ship with every slide: they must not reach the network either.
  const shared = [
    ...listFiles(path.join(repoRoot, "components"), [".vue"]),
    ...listFiles(path.join(repoRoot, "styles"), [".css"]),
    ...listFiles(path.join(repoRoot, "setup"), [".ts"]),
  ];
  for (const file of shared) {
    const text = readFileSync(file, "utf8");
    for (const { re, what } of REMOTE) {
      if (re.test(text)) {
        problems.push(`${path.relative(repoRoot, file)}: ${what} — в аудитории без интернета это не загрузится. Используйте локальный ресурс.`);
      }
    }
  }

  return {
    problems,
    slides: deck.length,
    minutes: plan.presented,
    budget: plan.budget,
    appendixSlides: plan.appendixSlides,
    minutesPerFile: plan.perFile,
    reveals,
    quizPositions: quiz.positions,
  };
}

function printSummary(entry: string, summary: DeckSummary) {
  const budget = summary.budget === null ? "?" : formatMinutes(summary.budget);
  const appendix = summary.appendixSlides > 0 ? `, ещё ${summary.appendixSlides} в приложении для самостоятельного чтения` : "";
  console.log(`Лекция ${entry}: план ${formatMinutes(summary.minutes)} мин из ${budget} мин; слайдов ${summary.slides}${appendix}.`);
  const files = [...summary.minutesPerFile].map(([file, minutes]) => `${file} ${formatMinutes(minutes)}`).join(", ");
  if (files) console.log(`  по файлам, мин: ${files}.`);
  const kinds = [...summary.reveals].map(([kind, n]) => `${kind} ${n}`).join(", ");
  console.log(`Пошаговых показов: ${totalReveals(summary.reveals)} (нужно ≥ ${MIN_REVEALS})${kinds ? `: ${kinds}` : ""}.`);
  const byLetter = new Map<string, number>();
  for (const p of summary.quizPositions) byLetter.set(letter(p), (byLetter.get(letter(p)) ?? 0) + 1);
  const spread = [...byLetter].sort().map(([l, n]) => `${l} — ${n}`).join(", ");
  console.log(`Самопроверка: вопросов ${summary.quizPositions.length}; правильный ответ на местах: ${spread || "—"}.`);
}

async function main() {
  const problems: string[] = [];
  for (const lecture of lectures) {
    const summary = await summarizeDeck(lecture);
    printSummary(lecture.entry, summary);
    problems.push(...summary.problems.map((problem) => `${lecture.entry}: ${problem}`));
  }
  if (problems.length > 0) {
    console.error(`Проверка колоды: найдено проблем: ${problems.length}`);
    for (const problem of problems) console.error(`  ✗ ${problem}`);
    process.exitCode = 1;
  } else {
    console.log("Проверка колоды: код на слайдах, импорты, бейджи, routeAlias, план времени, пошаговые показы и самопроверка в порядке.");
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
