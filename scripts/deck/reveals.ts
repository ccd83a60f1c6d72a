/**
 * Counts the places where a slide reveals its content step by step:
 * <v-click>/<v-after>/<v-clicks>/<v-switch> components, v-click/v-after
 * attributes, stepped line highlights (```ts {1|3-4|all} or a snippet import
 * with {…|…}) and a `clicks:` frontmatter. One place counts once, however
 * many clicks it has: the issue asks for reveals where they help, not for clicks.
 */
import type { DeckSlide } from "./deck-source";

export type RevealKind = "v-click" | "v-after" | "v-clicks" | "v-switch" | "подсветка {a|b}" | "clicks";

const FENCE_OPEN = /^\s*(`{3,}|~{3,})/;
const STEPPED_HIGHLIGHT = /\{[^}|]*\|[^}]*\}/;
const SNIPPET_LINE = /^\s*<<</;
const PATTERNS: ReadonlyArray<{ kind: RevealKind; re: RegExp }> = [
  { kind: "v-clicks", re: /<v-clicks\b/g },
  { kind: "v-click", re: /<v-click\b/g },
  { kind: "v-click", re: /(?<=\s)v-click\b/g },
  { kind: "v-after", re: /<v-after\b/g },
  { kind: "v-after", re: /(?<=\s)v-after\b/g },
  { kind: "v-switch", re: /<v-switch\b/g },
];

export function countReveals(slide: Pick<DeckSlide, "content" | "frontmatter">): Map<RevealKind, number> {
  const counts = new Map<RevealKind, number>();
  const add = (kind: RevealKind, n = 1) => counts.set(kind, (counts.get(kind) ?? 0) + n);
  let fence: string | null = null;
  for (const line of slide.content.split(/\r?\n/)) {
    const marker = FENCE_OPEN.exec(line)?.[1];
    if (fence) {
      if (marker && line.trim().replace(/[`~]/g, "") === "" && marker.startsWith(fence)) fence = null;
      continue;
    }
    if (marker) {
      fence = marker;
      if (STEPPED_HIGHLIGHT.test(line)) add("подсветка {a|b}");
      continue;
    }
    if (SNIPPET_LINE.test(line)) {
      if (STEPPED_HIGHLIGHT.test(line)) add("подсветка {a|b}");
      continue;
    }
    for (const { kind, re } of PATTERNS) add(kind, line.match(re)?.length ?? 0);
  }
  const clicks = Number(slide.frontmatter.clicks);
  if (Number.isFinite(clicks) && clicks > 0) add("clicks");
  for (const [kind, n] of counts) if (n === 0) counts.delete(kind);
  return counts;
}

export function totalReveals(counts: Map<RevealKind, number>): number {
  return [...counts.values()].reduce((sum, n) => sum + n, 0);
}
