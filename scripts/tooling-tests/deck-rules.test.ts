import { describe, expect, it } from "vitest";
import type { DeckSlide } from "../deck/deck-source.ts";
import { checkQuizPositions } from "../deck/quiz-positions.ts";
import { countReveals, totalReveals } from "../deck/reveals.ts";
import { checkTimePlan, plannedMinutes } from "../deck/timing.ts";

let nextNo = 1;
function slide(note: string, content = "# Слайд", frontmatter: Record<string, unknown> = {}): DeckSlide {
  const no = nextNo++;
  return { no, file: "slides.md", line: no * 10, contentLine: no * 10 + 1, frontmatter, content, note };
}
const where = (s: DeckSlide) => `слайд ${s.no}`;

describe("план времени лекции (deck:check)", () => {
  it("читает время из отдельной строки «⏱ N мин», целое и десятичное через точку", () => {
    expect(plannedMinutes("Говорим: …\n\n⏱ 2 мин")).toBe(2);
    expect(plannedMinutes("⏱ 1.5 мин\n")).toBe(1.5);
    expect(plannedMinutes("Время: 2 минуты.")).toBeNull();
    expect(plannedMinutes("⏱ 1,5 мин")).toEqual({ error: expect.stringContaining("не в форме") });
  });

  it("называет слайд без времени проблемой и объясняет, что дописать", () => {
    const plan = checkTimePlan([slide("⏱ 1 мин", "# Обложка", { duration: "90min" }), slide("Говорим: без времени")], where);
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0]).toMatch(/слайд \d+: в заметках нет планового времени.*«⏱ N мин»/);
  });

  it("падает, когда сумма больше duration из headmatter, и принимает план ровно в срок", () => {
    const over = checkTimePlan([slide("⏱ 60 мин", "# А", { duration: "90min" }), slide("⏱ 30.5 мин")], where);
    expect(over.presented).toBe(90.5);
    expect(over.problems.join("\n")).toMatch(/план лекции — 90\.5 мин, а duration в headmatter — 90 мин/);
    const exact = checkTimePlan([slide("⏱ 60 мин", "# А", { duration: "1h" }), slide("⏱ 0 мин")], where);
    expect(exact.problems).toEqual([]);
    expect(exact.budget).toBe(60);
  });

  it("не считает приложение «для самостоятельного чтения» и требует там «⏱ 0 мин»", () => {
    const plan = checkTimePlan(
      [
        slide("⏱ 80 мин", "# А", { duration: "90min" }),
        slide("⏱ 0 мин", "# Приложение\n\nДля самостоятельного чтения"),
        slide("⏱ 0 мин", "# Подробности"),
        slide("⏱ 5 мин", "# Ещё подробности"),
      ],
      where,
    );
    expect(plan.presented).toBe(80);
    expect(plan.appendixSlides).toBe(3);
    expect(plan.problems).toEqual([expect.stringMatching(/слайд приложения .* планирует 5 мин/)]);
  });

  it("требует duration в headmatter", () => {
    expect(checkTimePlan([slide("⏱ 1 мин")], where).problems.join("\n")).toMatch(/нет читаемого `duration`/);
  });
});

describe("пошаговые показы и самопроверка (deck:check)", () => {
  it("считает каждое место показа один раз и не видит v-click внутри блока кода", () => {
    const content = [
      "<v-clicks>",
      "",
      "- раз",
      "- два",
      "",
      "</v-clicks>",
      '<div v-click class="note-box">итог</div>',
      "<v-click>ещё</v-click>",
      "<div v-after>сразу следом</div>",
      "```ts {1|3|all}",
      "<div v-click>это код, а не показ</div>",
      "```",
      "<<< @/snippets/x.ts#r ts {2|4}",
    ].join("\n");
    const counts = countReveals({ content, frontmatter: { clicks: 2 } });
    expect(Object.fromEntries(counts)).toEqual({ "v-clicks": 1, "v-click": 2, "v-after": 1, "подсветка {a|b}": 2, clicks: 1 });
    expect(totalReveals(counts)).toBe(7);
  });

  it("требует ровно один правильный вариант и разные места правильных ответов", () => {
    const quiz = (right: number) =>
      `<Quiz question="?">\n${[0, 1, 2].map((i) => `<QuizOption ${i === right ? "correct " : ""}why="не correct">в</QuizOption>`).join("\n")}\n</Quiz>`;
    const crowded = checkQuizPositions([slide("", quiz(0)), slide("", quiz(0)), slide("", quiz(1))], where);
    expect(crowded.positions).toEqual([0, 0, 1]);
    expect(crowded.problems).toEqual([expect.stringMatching(/на месте «А» в 2 вопросах из 3/)]);
    expect(checkQuizPositions([slide("", quiz(0)), slide("", quiz(1)), slide("", quiz(2))], where).problems).toEqual([]);
    const none = checkQuizPositions([slide("", '<Quiz question="?"><QuizOption why="x">а</QuizOption></Quiz>')], where);
    expect(none.problems).toEqual([expect.stringMatching(/нет правильного варианта/)]);
  });
});
