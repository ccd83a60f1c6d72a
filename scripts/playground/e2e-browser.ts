/**
 * What every playground scenario in Chromium shares: starting the playground
 * for one lab, the browser, isolated pages that reach only the playground, the
 * screenshots and the checks that wait for the page. e2e.ts (bauth10) and
 * e2e-bauth15.ts are the scenarios themselves.
 */
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import pg from "pg";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { chromiumMissing, launchChromium } from "../lib/chromium.ts";
import { REPO_ROOT } from "../../tests/support/lab.ts";
import { startPlayground, type PlaygroundOptions, type RunningPlayground } from "./server.ts";

export const ARTIFACTS_DIR = join(REPO_ROOT, ".artifacts", "playground");

export interface E2EOptions {
  mode?: PlaygroundOptions["mode"];
  labDir?: string;
}

export interface E2EResult {
  problems: string[];
  /** Playground start (PostgreSQL, migrations, build if any, first page) and the browser scenario. */
  timings: { start: number; browser: number; total: number };
  screenshots: string[];
}

/** What a scenario gets: the browser, the playground's address and database, and where its screenshots go. */
export interface ScenarioContext {
  browser: Browser;
  origin: string;
  databaseUrl: string;
  /** next dev: its CSP also allows eval and the hot-reload WebSocket. */
  dev: boolean;
  screenshots: string[];
  /** Prefix of this scenario's screenshot files. */
  shotPrefix: string;
}

/** Removes only the e2e's own leftovers: screenshots and Next.js logs of the previous run. */
export function clearArtifacts(): void {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  for (const file of readdirSync(ARTIFACTS_DIR)) {
    if (file.endsWith(".png") || file.endsWith("next.log")) rmSync(join(ARTIFACTS_DIR, file), { force: true });
  }
}

/**
 * Starts the playground with solutions/<lab> (or options.labDir), runs one
 * scenario in Chromium and stops everything. Every problem met is returned,
 * never thrown.
 */
export async function runScenario(
  scenario: {
    lab: string;
    /** Prefix of the screenshots' and the Next.js log's file names, so two scenarios never overwrite each other's. */
    artifactsPrefix: string;
    create: (context: ScenarioContext) => BrowserScenario;
  },
  options: E2EOptions = {},
): Promise<E2EResult> {
  const { lab, artifactsPrefix, create } = scenario;
  const started = performance.now();
  const problems: string[] = [];
  const screenshots: string[] = [];
  const timings = { start: 0, browser: 0, total: 0 };
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const log = join(ARTIFACTS_DIR, `${artifactsPrefix}next.log`);

  const missing = chromiumMissing();
  if (missing) {
    problems.push(missing);
    return { problems, timings, screenshots };
  }

  let playground: RunningPlayground | undefined;
  let browser: Browser | undefined;
  try {
    playground = await startPlayground({ lab, target: "solutions", mode: options.mode ?? "start", log, labDir: options.labDir });
    timings.start = performance.now() - started;
    const browserStarted = performance.now();
    browser = await launchChromium();
    const walk = create({
      browser,
      origin: playground.url,
      databaseUrl: playground.databaseUrl,
      dev: options.mode === "dev",
      screenshots,
      shotPrefix: artifactsPrefix,
    });
    try {
      await walk.run();
    } catch (error) {
      const labError = await walk.labError();
      problems.push(`${walk.step}: ${message(error)}${labError ? `\nна странице ошибка кода лабы: ${labError}` : ""}`);
      await walk.failureShot();
    }
    problems.push(...walk.external.map((url) => `страница запросила внешний адрес ${url} (заблокирован)`));
    problems.push(...walk.cspViolations.map((text) => `Content-Security-Policy заблокировала часть страницы: ${text}`));
    timings.browser = performance.now() - browserStarted;
  } catch (error) {
    problems.push(`песочница не запустилась: ${message(error)}`);
  } finally {
    await browser?.close().catch(() => {});
    await playground?.stop();
  }
  timings.total = performance.now() - started;
  if (problems.length > 0) problems.push(`журнал Next.js: ${relative(REPO_ROOT, log)}`);
  return { problems, timings, screenshots };
}

/** A browser walk. Each step names itself, so a failure says where it happened. */
export abstract class BrowserScenario {
  step = "запуск браузера";
  readonly external: string[] = [];
  /** Console errors in which Chromium reports what the CSP blocked: a header that breaks the app is a failure too. */
  readonly cspViolations: string[] = [];
  protected readonly origin: string;
  protected readonly contexts: BrowserContext[] = [];
  private lastPage: Page | undefined;

  constructor(protected readonly context: ScenarioContext) {
    this.origin = context.origin;
  }

  abstract run(): Promise<void>;

  /** The message the dashboard shows when the lab's own code threw (an open TODO). */
  async labError(): Promise<string | undefined> {
    const shown = this.lastPage?.getByTestId("lab-error");
    if (!shown || (await shown.count().catch(() => 0)) === 0) return undefined;
    return (await shown.first().textContent())?.trim();
  }

  async failureShot(): Promise<void> {
    if (this.lastPage && !this.lastPage.isClosed()) await this.shot(this.lastPage, "failure").catch(() => {});
  }

  /** One statement in the playground's own database, for a step that moves time or state by editing rows; returns the rows it touched. */
  protected async query(text: string, values: unknown[]): Promise<number> {
    const client = new pg.Client({ connectionString: this.context.databaseUrl });
    await client.connect();
    try {
      return (await client.query(text, values)).rowCount ?? 0;
    } finally {
      await client.end();
    }
  }

  /** A fresh browser context (its own cookie jar, like another device) that reaches only the playground. */
  protected async newPage(): Promise<Page> {
    const context = await this.context.browser.newContext({ viewport: { width: 1100, height: 760 }, locale: "ru-RU" });
    context.setDefaultTimeout(30_000);
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(this.origin) || url.startsWith("data:")) return route.continue();
      this.external.push(url);
      return route.abort("blockedbyclient");
    });
    this.contexts.push(context);
    const page = await context.newPage();
    page.on("console", (entry) => {
      if (entry.type() === "error" && /Content Security Policy/i.test(entry.text())) this.cspViolations.push(entry.text());
    });
    return page;
  }

  protected async open(page: Page, path: string): Promise<void> {
    this.lastPage = page;
    await page.goto(`${this.origin}${path}`, { waitUntil: "load", timeout: 120_000 });
  }

  /** Opens `path` (the login form, maybe with ?next=) and sends it; where the browser lands is the caller's to check. */
  protected async submitSignIn(page: Page, email: string, password: string, path = "/login"): Promise<void> {
    await this.open(page, path);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Пароль").fill(password);
    await page.getByRole("button", { name: "Войти" }).click();
  }

  /** The dashboard's password form, and the notice that the change went through. */
  protected async changePassword(page: Page, current: string, next: string): Promise<void> {
    // A fresh /dashboard: the notice of an earlier change must not pass for this one.
    await this.open(page, "/dashboard");
    await page.getByLabel("Текущий пароль").fill(current);
    await page.getByLabel("Новый пароль").fill(next);
    await page.getByRole("button", { name: "Сменить пароль" }).click();
    await expectText(page.getByTestId("password-changed"), "Пароль изменён", "сообщение о смене пароля в кабинете");
  }

  protected async shot(page: Page, name: string): Promise<void> {
    this.lastPage = page;
    const path = join(ARTIFACTS_DIR, `${this.context.shotPrefix}${name}.png`);
    // caret: "initial": hiding the caret edits the DOM, which React would then report as a hydration mismatch.
    await page.screenshot({ path, fullPage: true, caret: "initial" });
    this.context.screenshots.push(relative(REPO_ROOT, path));
  }
}

/** Waits up to 10 s until the element's text contains every expected part. */
export async function expectText(
  locator: ReturnType<Page["getByTestId"]>,
  expected: string | RegExp,
  what: string,
  ...alsoExpected: string[]
): Promise<void> {
  await locator.first().waitFor({ state: "visible" });
  const deadline = Date.now() + 10_000;
  for (;;) {
    const text = (await locator.first().textContent()) ?? "";
    const first = typeof expected === "string" ? text.includes(expected) : expected.test(text);
    if (first && alsoExpected.every((part) => text.includes(part))) return;
    if (Date.now() > deadline) {
      throw new Error(`${what}: ожидалось ${[expected, ...alsoExpected].map(String).join(" и ")}, на странице «${text.trim()}»`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Compares the path only: the proxy's redirect adds `?next=/dashboard`, requireUser()'s does not. */
export async function expectUrl(page: Page, expected: string): Promise<void> {
  await page.waitForLoadState("load");
  const actual = new URL(page.url());
  if (`${actual.origin}${actual.pathname}` !== expected) throw new Error(`ожидался адрес ${expected}, а открыт ${page.url()}`);
}

export function message(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0]! : String(error);
}
