import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The deck imports the labs' real code from solutions/ by region. A student's
 * copy has no solutions/, so the regions the lecture shows (and nothing else
 * of the solutions) are copied to `snippets/lecture/` and the imports are
 * pointed there. The files end in `.txt`: they are fragments, not modules,
 * and must stay out of the copy's typecheck.
 */
export const LECTURE_SNIPPETS_DIR = "snippets/lecture";

// `<<< @/solutions/<path>#<region> [lang] [{meta}]`, the shape the deck uses.
const SOLUTION_IMPORT = /^(\s*<<<\s+)@\/solutions\/(\S+?)#([\w-]+)(.*)$/;
const REGION_MARKER = (kind: "region" | "endregion", name: string) => new RegExp(`^\\s*//\\s*#${kind}\\s+${name}\\s*$`);

export interface InlinedSnippets {
  /** Slide files whose imports were rewritten. */
  pages: string[];
  /** Fragment files written under snippets/lecture/. */
  fragments: string[];
}

/** Rewrites the copy's slides in `dest` to import the shown regions from fragments cut out of `source`'s solutions. */
export function inlineLectureSnippets(source: string, dest: string): InlinedSnippets {
  const fragments = new Map<string, Map<string, string>>();
  const pages: string[] = [];
  for (const page of deckFiles(dest)) {
    const path = join(dest, page);
    let changed = false;
    const lines = readFileSync(path, "utf8")
      .split("\n")
      .map((line, index) => {
        const match = SOLUTION_IMPORT.exec(line);
        if (!match) return line;
        const [, prefix, file, region, rest] = match as unknown as [string, string, string, string, string];
        const regions = fragments.get(file) ?? new Map<string, string>();
        regions.set(region, cutRegion(join(source, "solutions", file), region, `${page}:${index + 1}`));
        fragments.set(file, regions);
        changed = true;
        // The language came from the .ts extension before; say it explicitly for the .txt fragment.
        const options = rest.trim() === "" || rest.trim().startsWith("{") ? ` ${extensionOf(file)}${rest}` : rest;
        return `${prefix}@/${LECTURE_SNIPPETS_DIR}/${file}.txt#${region}${options}`;
      });
    if (changed) {
      writeFileSync(path, lines.join("\n"));
      pages.push(page);
    }
  }
  for (const [file, regions] of fragments) {
    const target = join(dest, LECTURE_SNIPPETS_DIR, `${file}.txt`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, `${[...regions.values()].join("\n\n")}\n`);
  }
  return { pages, fragments: [...fragments.keys()].map((file) => `${LECTURE_SNIPPETS_DIR}/${file}.txt`) };
}

/** The lines of one region, its markers included, so the slide's `#region` import keeps working. */
function cutRegion(file: string, region: string, usedAt: string): string {
  if (!existsSync(file)) throw new Error(`${usedAt}: файл ${file} для слайда не найден.`);
  const lines = readFileSync(file, "utf8").split("\n");
  const start = lines.findIndex((line) => REGION_MARKER("region", region).test(line));
  const end = lines.findIndex((line, index) => index > start && REGION_MARKER("endregion", region).test(line));
  if (start < 0 || end < 0) throw new Error(`${usedAt}: в ${file} нет региона «${region}».`);
  return lines.slice(start, end + 1).join("\n");
}

function extensionOf(file: string): string {
  return file.slice(file.lastIndexOf(".") + 1);
}

function deckFiles(root: string): string[] {
  const pagesDir = join(root, "pages");
  const pages = existsSync(pagesDir) ? readdirSync(pagesDir).filter((file) => file.endsWith(".md")).map((file) => `pages/${file}`) : [];
  return ["slides.md", ...pages].filter((file) => existsSync(join(root, file)));
}
