/**
 * The course's lecture decks. The deck check, the build (one folder per lecture
 * under dist/, with an index page), the browser walk and the PDF export read
 * this list; course/labs.ts names the lecture that introduces each lab.
 */
export interface LectureInfo {
  readonly number: 1 | 2;
  /** Slidev entry file at the repository root. */
  readonly entry: string;
  /** Folder under dist/ that `npm run build` writes the lecture to. */
  readonly out: string;
  /** PDF that `npm run export` writes. */
  readonly pdf: string;
  /** Russian title, for the index page of dist/. */
  readonly title: string;
}

export const lectures = [
  { number: 1, entry: "slides.md", out: "lecture1", pdf: "lecture1.pdf", title: "Лекция 1. Better Auth в Next.js: сессия от регистрации до выхода" },
  { number: 2, entry: "lecture2.md", out: "lecture2", pdf: "lecture2.pdf", title: "Лекция 2. Сессии в продакшене" },
] as const satisfies readonly LectureInfo[];
