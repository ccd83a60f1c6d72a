/**
 * Reads a lecture's deck the way Slidev does (its entry file plus every `src:`
 * import), so the static check and the browser walk agree on slide numbers.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { load } from "@slidev/parser/fs";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface DeckSlide {
  /** 1-based number, as in the URL `#/N`. */
  readonly no: number;
  /** Markdown file the slide comes from, relative to the repository. */
  readonly file: string;
  /** 1-based line of the slide's first line in that file. */
  readonly line: number;
  /** 1-based line where the slide's body (after its frontmatter) starts. */
  readonly contentLine: number;
  readonly frontmatter: Record<string, unknown>;
  /** Slide body without frontmatter and without the notes comment. */
  readonly content: string;
  readonly note: string;
}

/** `entry` is the deck's file relative to the repository (course/lectures.ts). */
export async function loadDeck(entry: string): Promise<DeckSlide[]> {
  const data = await load({ userRoot: repoRoot, roots: [repoRoot] }, path.join(repoRoot, entry));
  return data.slides.map((slide, index) => ({
    no: index + 1,
    file: path.relative(repoRoot, slide.source.filepath),
    line: slide.source.start + 1,
    contentLine: slide.source.contentStart + 2,
    frontmatter: slide.frontmatter ?? {},
    content: slide.content ?? "",
    note: slide.note ?? "",
  }));
}

const MERMAID_FENCE = /^\s*```mermaid\b/gm;

export function countMermaid(content: string): number {
  return content.match(MERMAID_FENCE)?.length ?? 0;
}
