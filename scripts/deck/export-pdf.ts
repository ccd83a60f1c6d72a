/**
 * `npm run export`: each lecture as one PDF (lecture1.pdf, lecture2.pdf; see
 * course/lectures.ts), printed by Debian's Chromium. Why not `slidev export`: see scripts/deck/EXPORT.md.
 *
 * It starts Slidev's own server in "export" mode (the mode that enables the
 * /print route), opens /print in Chromium through playwright-core, waits for
 * every slide and diagram, and prints one 16:9 page per slide.
 *
 *   npx tsx scripts/deck/export-pdf.ts [lecture number]
 */
import path from "node:path";
import process from "node:process";
import { createServer, resolveOptions } from "@slidev/cli";
import { launchChromium } from "../lib/chromium.ts";
import { lectures, type LectureInfo } from "../../course/lectures";
import { countMermaid, loadDeck, repoRoot } from "./deck-source";

async function exportLecture(lecture: LectureInfo): Promise<void> {
  const output = path.join(repoRoot, lecture.pdf);
  const started = performance.now();

  const deck = await loadDeck(lecture.entry);
  const diagrams = deck.reduce((sum, slide) => sum + countMermaid(slide.content), 0);
  const options = await resolveOptions({ entry: path.join(repoRoot, lecture.entry) }, "export");
  const width = options.data.config.canvasWidth;
  // Slidev sizes each printed slide with Math.ceil; the page must match it exactly.
  const height = Math.ceil(width / options.data.config.aspectRatio);

  const server = await createServer(options, {
    server: { host: "127.0.0.1", port: 0, strictPort: false },
    logLevel: "warn",
  });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.addInitScript("window.__name = (fn) => fn;");
    // Same URL shape as Slidev's exporter for hash routing.
    await page.goto(`http://127.0.0.1:${port}/?print=true#/print`, { waitUntil: "networkidle", timeout: 120_000 });
    await page.waitForFunction(
      (n) => document.querySelectorAll(".print-slide-container").length >= n,
      deck.length,
      { timeout: 120_000 },
    );
    await page.waitForFunction(
      (n) => [...document.querySelectorAll(".mermaid")].filter((el) => el.shadowRoot?.querySelector("svg")).length >= n,
      diagrams,
      { timeout: 120_000 },
    );
    await page.evaluate(() => document.fonts.ready);
    await page.emulateMedia({ media: "screen", colorScheme: "light" });
    await page.pdf({
      path: output,
      width: `${width}px`,
      height: `${height}px`,
      margin: { top: 0, right: 0, bottom: 0, left: 0 },
      // The slides are exactly N pages tall; Chromium still appends an empty page.
      pageRanges: `1-${deck.length}`,
      printBackground: true,
      preferCSSPageSize: true,
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`PDF: ${path.relative(repoRoot, output)} (${deck.length} слайдов, ${seconds} с)`);
  } finally {
    await browser.close();
    await server.close();
  }
}

const only = process.argv[2];
for (const lecture of lectures.filter((item) => !only || String(item.number) === only)) await exportLecture(lecture);
