/**
 * Walks every slide of the BUILT deck (dist/, from `npm run build`) in Debian's
 * headless Chromium and lists every problem a classroom would see:
 * page and console errors, Mermaid syntax errors, content overflowing the
 * 16:9 slide, broken images, any request that tries to leave the machine, and
 * code or diagram text smaller than MIN_TEXT_PX on the 980-px canvas.
 * A PNG of every slide lands in .artifacts/deck/NN.png.
 *
 *   npx tsx scripts/deck/browser-walk.ts
 *
 * CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { chromiumMissing, launchChromium } from "../lib/chromium.ts";
import { lectures, type LectureInfo } from "../../course/lectures";
import { countMermaid, type DeckSlide, loadDeck, repoRoot } from "./deck-source";
import { serveStatic } from "./static-server";


const VIEWPORT = { width: 1280, height: 720 };
const distDir = path.join(repoRoot, "dist");
const RENDER_TIMEOUT_MS = 15_000;
/** Issue 14: code and diagram text must read from the back of the room. */
const MIN_TEXT_PX = 14;
/** slides.md's canvasWidth: sizes are measured in the canvas's own pixels. */
const CANVAS_WIDTH = 980;

export interface WalkResult {
  readonly problems: string[];
  readonly slides: number;
  readonly diagrams: number;
  readonly ms: number;
}

interface SlideReport {
  readonly found: boolean;
  readonly overflow: string[];
  /** Code or diagram text below MIN_TEXT_PX on the canvas. */
  readonly small: string[];
  readonly brokenImages: string[];
  readonly mermaidErrors: string[];
  readonly mermaidRendered: number;
}

function where(slide: DeckSlide): string {
  return `слайд ${slide.no} (${slide.file}:${slide.line})`;
}

/** Walks one lecture as `npm run build` wrote it: dist/<out>/. */
export async function walkDeck(lecture: LectureInfo): Promise<WalkResult> {
  const shotsDir = path.join(repoRoot, ".artifacts", "deck", lecture.out);
  const started = performance.now();
  const problems: string[] = [];
  if (!existsSync(path.join(distDir, lecture.out, "index.html"))) {
    return {
      problems: [`dist/${lecture.out}/index.html не найден: сначала соберите лекции командой \`npm run build\`.`],
      slides: 0,
      diagrams: 0,
      ms: 0,
    };
  }
  const missing = chromiumMissing();
  if (missing) {
    return {
      problems: [missing],
      slides: 0,
      diagrams: 0,
      ms: 0,
    };
  }

  const deck = await loadDeck(lecture.entry);
  const expectedDiagrams = deck.reduce((sum, s) => sum + countMermaid(s.content), 0);
  await rm(shotsDir, { recursive: true, force: true });
  await mkdir(shotsDir, { recursive: true });

  const server = await serveStatic(distDir);
  const browser = await launchChromium();
  let diagrams = 0;
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    let current = "загрузка";
    const external = new Set<string>();
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "127.0.0.1" || url.protocol === "data:" || url.protocol === "blob:") {
        return route.continue();
      }
      external.add(url.href);
      problems.push(`${current}: запрос наружу заблокирован: ${url.href}. Уберите внешний ресурс (шрифт, CDN, картинку) или положите его в public/.`);
      return route.abort("blockedbyclient");
    });
    page.on("pageerror", (error) => {
      problems.push(`${current}: ошибка JavaScript на странице: ${error.message}`);
    });
    page.on("console", (message) => {
      const text = message.text();
      if (message.type() === "error") {
        // A blocked external request is reported once, above, with its URL.
        if (external.size > 0 && /ERR_BLOCKED_BY_CLIENT|net::ERR_FAILED/.test(text)) return;
        problems.push(`${current}: ошибка в консоли браузера: ${text}`);
      } else if (message.type() === "warning" && /Parse error|Syntax error|Lexical error/i.test(text)) {
        problems.push(`${current}: Mermaid не разобрал диаграмму: ${text.split("\n")[0]}`);
      }
    });

    // tsx compiles this file with esbuild's keepNames, which wraps named
    // functions in __name(...); the page has no such helper, so provide one.
    await page.addInitScript("window.__name = (fn) => fn;");
    await page.goto(`${server.url}/${lecture.out}/index.html#/1`, { waitUntil: "load" });
    await page.addStyleTag({
      content: "*, *::before, *::after { transition: none !important; animation: none !important; }",
    });
    await page.waitForSelector('#slide-content [data-slidev-no="1"]', { timeout: RENDER_TIMEOUT_MS });
    const total = await page.evaluate(
      () => (window as unknown as { __slidev__?: { nav?: { total?: number } } }).__slidev__?.nav?.total ?? null,
    );
    if (total !== null && total !== deck.length) {
      problems.push(`В собранном сайте ${total} слайдов, а в исходниках ${deck.length}: пересоберите сайт (\`npm run build\`).`);
    }

    for (const slide of deck) {
      current = where(slide);
      const expected = countMermaid(slide.content);
      await page.evaluate((no) => {
        window.location.hash = `#/${no}`;
      }, slide.no);
      const report = await inspectSlide(page, slide.no, expected);
      if (!report.found) {
        problems.push(`${current}: слайд не отрисовался за ${RENDER_TIMEOUT_MS / 1000} с.`);
        continue;
      }
      diagrams += report.mermaidRendered;
      if (report.mermaidRendered < expected && report.mermaidErrors.length === 0) {
        problems.push(`${current}: отрисовано диаграмм ${report.mermaidRendered} из ${expected}.`);
      }
      for (const error of report.mermaidErrors) {
        problems.push(`${current}: ошибка Mermaid: ${error}. Исправьте синтаксис диаграммы.`);
      }
      for (const item of report.overflow) {
        problems.push(`${current}: содержимое выходит за слайд 16:9: ${item}. Сократите текст, разбейте слайд или уменьшите {scale: …} у диаграммы.`);
      }
      for (const item of report.small) problems.push(`${current}: мелко для аудитории: ${item}.`);
      for (const src of report.brokenImages) {
        problems.push(`${current}: картинка не загрузилась: ${src}. Положите файл в public/ и сошлитесь на него относительным путём.`);
      }
      const name = String(slide.no).padStart(2, "0");
      await page.locator("#slide-content").screenshot({ path: path.join(shotsDir, `${name}.png`) });

      // A quiz must still fit once an answer is revealed: choose the last option.
      const options = page.locator(`#slide-content [data-slidev-no="${slide.no}"] .quiz-option__button`);
      if ((await options.count()) > 0) {
        await options.last().click();
        const answered = await inspectSlide(page, slide.no, expected);
        for (const item of answered.overflow) {
          problems.push(`${current}: после ответа на вопрос содержимое выходит за слайд: ${item}. Сократите пояснение.`);
        }
        await page.locator("#slide-content").screenshot({ path: path.join(shotsDir, `${name}-answered.png`) });
        await page.locator(`#slide-content [data-slidev-no="${slide.no}"] .quiz__reset`).click();
      }
    }
    if (diagrams !== expectedDiagrams) {
      problems.push(`Отрисовано диаграмм ${diagrams}, в исходниках ${expectedDiagrams}.`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { problems, slides: deck.length, diagrams, ms: Math.round(performance.now() - started) };
}

async function inspectSlide(page: Page, no: number, expectedMermaid: number): Promise<SlideReport> {
  const selector = `#slide-content [data-slidev-no="${no}"]`;
  try {
    await page.waitForSelector(selector, { timeout: RENDER_TIMEOUT_MS });
    // Wait until every diagram has either an SVG in its shadow root or an error box.
    await page.waitForFunction(
      ({ selector, expected }) => {
        const slide = document.querySelector(selector);
        if (!slide) return false;
        const rendered = [...slide.querySelectorAll(".mermaid")].filter((el) => el.shadowRoot?.querySelector("svg")).length;
        const failed = slide.querySelectorAll("pre.text-wrap").length;
        const images = [...slide.querySelectorAll("img")].every((img) => img.complete);
        return rendered + failed >= expected && images;
      },
      { selector, expected: expectedMermaid },
      { timeout: RENDER_TIMEOUT_MS },
    );
    await page.evaluate(() => document.fonts.ready);
  } catch {
    return { found: false, overflow: [], small: [], brokenImages: [], mermaidErrors: [], mermaidRendered: 0 };
  }

  return page.evaluate(({ selector, minPx, canvasWidth }) => {
    const container = document.querySelector("#slide-content")!;
    const slide = document.querySelector(selector)!;
    const box = container.getBoundingClientRect();
    const tolerance = 1;
    const describe = (el: Element) => {
      const tag = el.tagName.toLowerCase();
      const cls = typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 2).join(".")}` : "";
      const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 50);
      return `<${tag}${cls}>${text ? ` «${text}»` : ""}`;
    };
    const outside = (r: DOMRect) =>
      r.width > 0 &&
      r.height > 0 &&
      (r.left < box.left - tolerance ||
        r.top < box.top - tolerance ||
        r.right > box.right + tolerance ||
        r.bottom > box.bottom + tolerance);

    const overflowing: Element[] = [];
    for (const el of slide.querySelectorAll("*")) {
      if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
      const style = getComputedStyle(el);
      if (style.display === "none" || style.visibility === "hidden") continue;
      if (outside(el.getBoundingClientRect())) overflowing.push(el);
    }
    const result: string[] = overflowing
      .filter((el) => !overflowing.some((other) => other !== el && other.contains(el)))
      .map((el) => {
        const r = el.getBoundingClientRect();
        const px = (v: number) => Math.round(v);
        return `${describe(el)} (${px(r.left - box.left)},${px(r.top - box.top)})–(${px(r.right - box.left)},${px(r.bottom - box.top)}) при слайде ${px(box.width)}×${px(box.height)}`;
      });

    // Code cut off inside its own scroll box also counts as overflow.
    for (const pre of slide.querySelectorAll("pre")) {
      if (pre.scrollWidth > pre.clientWidth + 2 || pre.scrollHeight > pre.clientHeight + 2) {
        result.push(`${describe(pre)}: код шире или выше своего блока (${pre.scrollWidth}×${pre.scrollHeight} > ${pre.clientWidth}×${pre.clientHeight})`);
      }
    }

    const mermaidErrors: string[] = [];
    let mermaidRendered = 0;
    for (const host of slide.querySelectorAll(".mermaid")) {
      const svg = host.shadowRoot?.querySelector("svg");
      if (!svg) continue;
      const text = svg.textContent ?? "";
      if (/Syntax error|Parse error/i.test(text) || svg.getAttribute("aria-roledescription") === "error") {
        mermaidErrors.push(text.replace(/\s+/g, " ").slice(0, 120));
        continue;
      }
      mermaidRendered++;
      const r = svg.getBoundingClientRect();
      if (outside(r)) {
        result.push(`диаграмма Mermaid (${Math.round(r.width)}×${Math.round(r.height)}) за границей слайда`);
      }
      // A diagram may fit the slide yet run into the text below it.
      const hostBox = host.getBoundingClientRect();
      if (r.right > hostBox.right + 2 || r.left < hostBox.left - 2) {
        result.push(`диаграмма Mermaid шире своей области (${Math.round(r.width)} > ${Math.round(hostBox.width)} px)`);
      }
    }
    // Smallest text, in canvas pixels: a diagram's font is scaled with its SVG, code is not.
    const canvasScale = canvasWidth / box.width;
    const small: string[] = [];
    for (const host of slide.querySelectorAll(".mermaid")) {
      const svg = host.shadowRoot?.querySelector("svg");
      const viewBoxWidth = svg?.viewBox.baseVal?.width ?? 0;
      // A diagram in a hidden <v-switch> template or v-click has no box to measure yet.
      if (!svg || viewBoxWidth === 0 || svg.getBoundingClientRect().width === 0) continue;
      const svgScale = (svg.getBoundingClientRect().width / viewBoxWidth) * canvasScale;
      let smallest = Infinity;
      for (const el of svg.querySelectorAll("text, foreignObject span, foreignObject div, foreignObject p")) {
        if (!(el.textContent ?? "").trim()) continue;
        smallest = Math.min(smallest, Number.parseFloat(getComputedStyle(el).fontSize) * svgScale);
      }
      if (smallest < minPx - 0.05) {
        small.push(`текст диаграммы Mermaid ${smallest.toFixed(1)} px < ${minPx} px на холсте ${canvasWidth} px: увеличьте {scale: …} или разбейте диаграмму на две`);
      }
    }
    for (const code of slide.querySelectorAll("pre code, pre.slidev-code")) {
      const px = Number.parseFloat(getComputedStyle(code).fontSize);
      if (px < minPx - 0.05) {
        small.push(`${describe(code)}: код ${px.toFixed(1)} px < ${minPx} px. Уберите уменьшение шрифта и сократите блок.`);
        break;
      }
    }

    for (const pre of slide.querySelectorAll("pre.text-wrap")) {
      mermaidErrors.push((pre.textContent ?? "").replace(/\s+/g, " ").slice(0, 160));
    }

    const brokenImages = [...slide.querySelectorAll("img")]
      .filter((img) => img.complete && img.naturalWidth === 0)
      .map((img) => img.getAttribute("src") ?? "(без src)");

    return { found: true, overflow: result, small, brokenImages, mermaidErrors, mermaidRendered };
  }, { selector, minPx: MIN_TEXT_PX, canvasWidth: CANVAS_WIDTH });
}

async function main() {
  const problems: string[] = [];
  for (const lecture of lectures) {
    const result = await walkDeck(lecture);
    console.log(
      `Обход ${lecture.entry}: слайдов ${result.slides}, диаграмм ${result.diagrams}, время ${(result.ms / 1000).toFixed(1)} с; снимки в .artifacts/deck/${lecture.out}/`,
    );
    problems.push(...result.problems.map((problem) => `${lecture.entry}: ${problem}`));
  }
  if (problems.length > 0) {
    console.error(`Найдено проблем: ${problems.length}`);
    for (const problem of problems) console.error(`  ✗ ${problem}`);
    process.exitCode = 1;
  } else {
    console.log("Проблем нет.");
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
