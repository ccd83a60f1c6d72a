import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { answerLines, isTrivialLine, leakProblems, measureLeaks, normalizeLine } from "../verify/answer-leak.ts";

const temp = mkdtempSync(join(tmpdir(), "bauth-leak-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const SOLUTION = [
  'import { auth } from "./auth";',
  "",
  "export async function signIn(headers: Headers) {",
  "  try {",
  "    // #region call",
  "    const result = await auth.api.signInEmail({ headers });",
  "    // #endregion call",
  "    return { ok: true, user: result.user };",
  "  } catch (error) {",
  "    if (!isAPIError(error)) throw error;",
  "    return { ok: false };",
  "  }",
  "}",
].join("\n");
const STARTER = ["export async function signIn(headers: Headers) {", "  // TODO(bauth01): войдите", "  return { ok: false };", "}"].join("\n");

describe("npm run leak", () => {
  it("не считает ответом скобки, комментарии, импорты, маркеры регионов и одиночные имена", () => {
    for (const line of ["}", "});", "// why", "* doc", 'import { a } from "b";', '} from "b";', "// #region x", "try {", "} catch (error) {", "headers,", "return note;", "session: {"]) {
      expect(isTrivialLine(normalizeLine(line)), line).toBe(true);
    }
    for (const line of ["httpOnly: true,", "const result = await auth.api.signInEmail({ headers });", 'image: text("image"),']) {
      expect(isTrivialLine(normalizeLine(line)), line).toBe(false);
    }
  });

  it("ответ — только строки решения, которых нет в стартере", () => {
    expect(answerLines(SOLUTION.split("\n"), STARTER.split("\n"))).toEqual([
      "const result = await auth.api.signInEmail({ headers })",
      "return { ok: true, user: result.user }",
      "if (!isAPIError(error)) throw error",
    ]);
  });

  it("находит строку ответа в README (в том числе в `коде` внутри текста), в TODO стартера и в регионе, который вставляет слайд", () => {
    const root = join(temp, "course");
    write(root, {
      "solutions/bauth01/src/sign-in.ts": SOLUTION,
      "labs/bauth01/src/sign-in.ts": STARTER.replace("войдите", "войдите: return { ok: true, user: result.user }"),
      "labs/bauth01/README.md": "- Проверьте `if (!isAPIError(error)) throw error;` сначала.\n",
      "pages/01.md": "# Вход\n\n<<< @/solutions/bauth01/src/sign-in.ts#call ts {1}\n",
    });
    const [lab] = measureLeaks(root);
    expect(lab?.answerLines).toHaveLength(3);
    expect(lab?.leaked.map((leak) => leak.source).sort()).toEqual(["labs/bauth01/README.md", "labs/bauth01/src/sign-in.ts", "pages/01.md"]);
    expect(leakProblems(measureLeaks(root)).join("\n")).toContain("bauth01: видно 3 из 3 строк ответа (100%");
  });

  it("подсказки лабы (HINTS.md) — тоже её источник: почти код третьего уровня виден студенту", () => {
    const root = join(temp, "hints");
    write(root, {
      "solutions/bauth01/src/sign-in.ts": SOLUTION,
      "labs/bauth01/src/sign-in.ts": STARTER,
      "labs/bauth01/README.md": "Войдите через `auth.api.signInEmail`.\n",
      "labs/bauth01/HINTS.md": "# Подсказки\n\n### Уровень 3 — почти код\n\n```ts\nreturn { ok: true, user: result.user };\n```\n",
      "pages/01.md": "# Вход\n",
    });
    const [lab] = measureLeaks(root);
    expect(lab?.leaked).toEqual([{ line: "return { ok: true, user: result.user }", source: "labs/bauth01/HINTS.md", own: true }]);
  });

  it("задача, описанная словами, не считается утечкой, и тогда проблем нет", () => {
    const root = join(temp, "clean");
    write(root, {
      "solutions/bauth01/src/sign-in.ts": SOLUTION,
      "labs/bauth01/src/sign-in.ts": STARTER,
      "labs/bauth01/README.md": "Войдите через `auth.api.signInEmail` и верните пользователя; чужие ошибки пробросьте.\n",
      "pages/01.md": "# Вход\n",
    });
    expect(measureLeaks(root)[0]?.leaked).toEqual([]);
    expect(leakProblems(measureLeaks(root))).toEqual([]);
  });
});
