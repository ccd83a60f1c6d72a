/**
 * `npm run build`: every lecture of course/lectures.ts into its own folder under
 * dist/ (dist/lecture1/, dist/lecture2/), and dist/index.html linking them.
 * dist/ is a static site: serve it over HTTP (`npm run preview`), since a browser
 * refuses the decks' JavaScript modules from file://.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { lectures } from "../../course/lectures";
import { repoRoot } from "./deck-source";

const dist = path.join(repoRoot, "dist");
const slidev = path.join(repoRoot, "node_modules", "@slidev", "cli", "bin", "slidev.mjs");

rmSync(dist, { recursive: true, force: true });
for (const lecture of lectures) {
  console.log(`\n== ${lecture.title} (${lecture.entry} → dist/${lecture.out}/)`);
  const result = spawnSync(process.execPath, [slidev, "build", lecture.entry, "--base", "./", "--out", path.join(dist, lecture.out)], {
    cwd: repoRoot,
    stdio: "inherit",
  });
  if (result.status !== 0) {
    console.error(`Сборка ${lecture.entry} не удалась (код ${result.status ?? result.signal}). Ошибка Slidev — выше.`);
    process.exit(result.status ?? 1);
  }
}

mkdirSync(dist, { recursive: true });
const items = lectures.map((lecture) => `    <li><a href="./${lecture.out}/index.html">${lecture.title}</a></li>`).join("\n");
writeFileSync(
  path.join(dist, "index.html"),
  `<!doctype html>
<html lang="ru">
<head><meta charset="utf-8"><title>Better Auth в Next.js — лекции</title>
<style>body{font:20px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}</style></head>
<body>
  <h1>Better Auth в Next.js</h1>
  <ul>
${items}
  </ul>
</body>
</html>
`,
);
console.log(`\nГотово: dist/index.html и ${lectures.map((lecture) => `dist/${lecture.out}/`).join(", ")}. Просмотр: npm run preview.`);
