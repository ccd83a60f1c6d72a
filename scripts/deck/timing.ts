/**
 * The lecture's time plan. Every slide's speaker notes carry its planned time
 * on a line of its own, `⏱ 2 мин` or `⏱ 1.5 мин`; the sum must fit the
 * headmatter's `duration`. Slides of the appendix (from the first slide that
 * says «для самостоятельного чтения» on) are not presented and carry `⏱ 0 мин`.
 */
import type { DeckSlide } from "./deck-source";

const PLANNED = /^⏱ (\d+(?:\.\d+)?) мин$/;
const APPENDIX_MARK = /для самостоятельного чтения/i;

export interface TimePlan {
  readonly problems: string[];
  /** Minutes of the presented slides (the appendix excluded). */
  readonly presented: number;
  /** The headmatter's `duration` in minutes, or null when it is absent or unreadable. */
  readonly budget: number | null;
  readonly appendixSlides: number;
  /** Presented minutes per Markdown file, in deck order. */
  readonly perFile: Map<string, number>;
}

/** Minutes from a slide's notes: a number, null when no line has the form, or an error text for a wrong form. */
export function plannedMinutes(note: string): number | null | { error: string } {
  const lines = note.split(/\r?\n/).map((line) => line.trim());
  const marked = lines.filter((line) => line.includes("⏱"));
  if (marked.length === 0) return null;
  if (marked.length > 1) return { error: `строк с ⏱ ${marked.length}, а нужна одна` };
  const match = PLANNED.exec(marked[0]!);
  if (!match) return { error: `строка «${marked[0]}» не в форме «⏱ N мин» (N — целое или десятичное через точку)` };
  return Number(match[1]);
}

/** Slidev's `duration` (`90min`, `1h`, `45`) in minutes; null when unreadable. */
export function durationMinutes(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value !== "string") return null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(min|m|h)?\s*$/i.exec(value);
  if (!match) return null;
  const amount = Number(match[1]);
  return match[2]?.toLowerCase() === "h" ? amount * 60 : amount;
}

export function isAppendixStart(slide: Pick<DeckSlide, "content">): boolean {
  return APPENDIX_MARK.test(slide.content);
}

export function checkTimePlan(slides: readonly DeckSlide[], where: (slide: DeckSlide) => string): TimePlan {
  const problems: string[] = [];
  const budget = durationMinutes(slides[0]?.frontmatter.duration);
  if (budget === null) {
    problems.push(
      `${slides[0] ? where(slides[0]) : "slides.md"}: в headmatter нет читаемого \`duration\` (например, \`duration: 90min\`). Укажите длительность лекции, чтобы проверка сравнила с ней план.`,
    );
  }
  let presented = 0;
  let inAppendix = false;
  let appendixSlides = 0;
  const perFile = new Map<string, number>();
  for (const slide of slides) {
    inAppendix ||= isAppendixStart(slide);
    if (inAppendix) appendixSlides++;
    const minutes = plannedMinutes(slide.note);
    if (minutes === null) {
      problems.push(
        `${where(slide)}: в заметках нет планового времени. Добавьте в конец заметок отдельную строку «⏱ N мин» (например, «⏱ 1.5 мин»${inAppendix ? "; в приложении — «⏱ 0 мин»" : ""}).`,
      );
      continue;
    }
    if (typeof minutes === "object") {
      problems.push(`${where(slide)}: ${minutes.error}. Оставьте в заметках одну строку вида «⏱ 2 мин».`);
      continue;
    }
    if (inAppendix && minutes !== 0) {
      problems.push(
        `${where(slide)}: слайд приложения «для самостоятельного чтения» планирует ${minutes} мин. Приложение не показывают на лекции: поставьте «⏱ 0 мин» или перенесите слайд до заключения.`,
      );
      continue;
    }
    presented += minutes;
    perFile.set(slide.file, (perFile.get(slide.file) ?? 0) + minutes);
  }
  if (budget !== null && presented > budget) {
    problems.push(
      `план лекции — ${formatMinutes(presented)} мин, а duration в headmatter — ${formatMinutes(budget)} мин. Сократите слайды или перенесите часть в приложение после заключения (с пометкой «для самостоятельного чтения» и «⏱ 0 мин»).`,
    );
  }
  return { problems, presented, budget, appendixSlides, perFile };
}

export function formatMinutes(minutes: number): string {
  return String(Math.round(minutes * 100) / 100);
}
