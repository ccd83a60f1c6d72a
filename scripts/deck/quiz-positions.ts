/**
 * The quiz must not teach "the answer is always А": every <Quiz> has exactly
 * one correct <QuizOption>, and no position holds more than half of the right answers.
 */
import type { DeckSlide } from "./deck-source";

const QUIZ = /<Quiz\b[\s\S]*?<\/Quiz\s*>/g;
const OPTION = /<QuizOption\b([^>]*)>/g;
const LETTERS = "АБВГДЕЖИ";

export interface QuizPositions {
  readonly problems: string[];
  /** Zero-based position of the right answer, per question in deck order. */
  readonly positions: number[];
}

/** Attributes without their quoted values, so a `why` text cannot look like `correct`. */
function bareAttributes(attrs: string): string {
  return attrs.replace(/"[^"]*"|'[^']*'/g, '""');
}

export function letter(position: number): string {
  return LETTERS[position] ?? String(position + 1);
}

export function checkQuizPositions(slides: readonly DeckSlide[], where: (slide: DeckSlide) => string): QuizPositions {
  const problems: string[] = [];
  const positions: number[] = [];
  for (const slide of slides) {
    for (const quiz of slide.content.matchAll(QUIZ)) {
      const options = [...quiz[0].matchAll(OPTION)].map((m) => /(?:^|\s):?correct\b/.test(bareAttributes(m[1] ?? "")));
      const right = options.flatMap((correct, i) => (correct ? [i] : []));
      if (right.length !== 1) {
        problems.push(
          `${where(slide)}: в вопросе ${right.length === 0 ? "нет правильного варианта" : `правильных вариантов ${right.length}`}. Отметьте ровно один <QuizOption correct …>.`,
        );
        continue;
      }
      positions.push(right[0]!);
    }
  }
  const total = positions.length;
  for (let position = 0; total > 0 && position <= Math.max(...positions); position++) {
    const count = positions.filter((p) => p === position).length;
    if (count > total / 2) {
      problems.push(
        `самопроверка: правильный ответ стоит на месте «${letter(position)}» в ${count} вопросах из ${total} — больше половины, и ответ угадывается по позиции. Переставьте варианты так, чтобы ни одно место не держало больше ${Math.floor(total / 2)}.`,
      );
    }
  }
  return { problems, positions };
}
