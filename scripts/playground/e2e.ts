/**
 * The playground's end-to-end test in real Chromium (Debian's chromium through
 * playwright-core) against the solution of bauth10. It lives outside tests/,
 * which is what a student's `npm test` grades.
 *
 *   npx tsx scripts/playground/e2e.ts [--dev] [--lab-dir <folder>]
 *
 * `npm run verify` calls runPlaygroundE2E(), which returns every problem it met.
 */
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { securityHeaders } from "../../playground/security-headers.ts";
import { chromiumMissing, launchChromium } from "../lib/chromium.ts";
import { REPO_ROOT } from "../../tests/support/lab.ts";
import { seconds, startPlayground, type PlaygroundOptions, type RunningPlayground } from "./server.ts";

export const ARTIFACTS_DIR = join(REPO_ROOT, ".artifacts", "playground");
const PASSWORD = "correct-horse-battery";

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

export async function runPlaygroundE2E(options: E2EOptions = {}): Promise<E2EResult> {
  const started = performance.now();
  const problems: string[] = [];
  const screenshots: string[] = [];
  const timings = { start: 0, browser: 0, total: 0 };
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  // Only this test's own leftovers: screenshots and the log of the previous run.
  for (const file of readdirSync(ARTIFACTS_DIR)) {
    if (file.endsWith(".png") || file === "next.log") rmSync(join(ARTIFACTS_DIR, file), { force: true });
  }
  const log = join(ARTIFACTS_DIR, "next.log");

  const missing = chromiumMissing();
  if (missing) {
    problems.push(missing);
    return { problems, timings, screenshots };
  }

  let playground: RunningPlayground | undefined;
  let browser: Browser | undefined;
  try {
    playground = await startPlayground({
      lab: "bauth10",
      target: "solutions",
      mode: options.mode ?? "start",
      log,
      labDir: options.labDir,
    });
    timings.start = performance.now() - started;
    const browserStarted = performance.now();
    browser = await launchChromium();
    const scenario = new Scenario(browser, playground.url, playground.databaseUrl, options.mode === "dev", screenshots);
    try {
      await scenario.run();
    } catch (error) {
      const labError = await scenario.labError();
      problems.push(`${scenario.step}: ${message(error)}${labError ? `\nна странице ошибка кода лабы: ${labError}` : ""}`);
      await scenario.failureShot();
    }
    problems.push(...scenario.external.map((url) => `страница запросила внешний адрес ${url} (заблокирован)`));
    problems.push(...scenario.cspViolations.map((text) => `Content-Security-Policy заблокировала часть страницы: ${text}`));
    timings.browser = performance.now() - browserStarted;
  } catch (error) {
    problems.push(`песочница не запустилась: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await browser?.close().catch(() => {});
    await playground?.stop();
  }
  timings.total = performance.now() - started;
  if (problems.length > 0) problems.push(`журнал Next.js: ${relative(REPO_ROOT, log)}`);
  return { problems, timings, screenshots };
}

/**
 * The shape of a `npm run verify` check: prints the timings and the
 * screenshots' folder, and returns every problem (an empty list when it passes).
 */
export async function checkPlayground(): Promise<string[]> {
  const result = await runPlaygroundE2E();
  console.log(
    `  запуск песочницы (next build + next start) ${seconds(result.timings.start)}, ` +
      `сценарий в Chromium ${seconds(result.timings.browser)}; скриншоты: ${relative(REPO_ROOT, ARTIFACTS_DIR)}/*.png`,
  );
  return result.problems;
}

/** The browser walk. Each step names itself, so a failure says where it happened. */
class Scenario {
  step = "запуск браузера";
  readonly external: string[] = [];
  /** Console errors in which Chromium reports what the CSP blocked: a header that breaks the app is a failure too. */
  readonly cspViolations: string[] = [];
  private readonly contexts: BrowserContext[] = [];
  private lastPage: Page | undefined;
  private readonly email = `e2e-${Date.now().toString(36)}@example.com`;

  constructor(
    private readonly browser: Browser,
    private readonly origin: string,
    private readonly databaseUrl: string,
    /** next dev: its CSP also allows eval and the hot-reload WebSocket. */
    private readonly dev: boolean,
    private readonly screenshots: string[],
  ) {}

  async run(): Promise<void> {
    const main = await this.newPage();

    this.step = "заголовки безопасности: CSP с frame-ancestors 'none', nosniff, Referrer-Policy, без HSTS по http";
    await this.checkSecurityHeaders();

    this.step = "регистрация с коротким паролем показывает русскую ошибку лабы";
    await this.open(main, "/sign-up");
    await this.shot(main, "sign-up");
    await main.getByLabel("Имя").fill("Анна Тестова");
    await main.getByLabel("Email").fill(this.email);
    await main.getByLabel(/^Пароль/).fill("short");
    await main.getByRole("button", { name: "Зарегистрироваться" }).click();
    await expectText(main.getByTestId("form-error"), /[А-Яа-яЁё]/, "сообщение об ошибке на русском");
    await this.shot(main, "sign-up-error");

    this.step = "регистрация ведёт в кабинет";
    await main.getByLabel(/^Пароль/).fill(PASSWORD);
    await main.getByRole("button", { name: "Зарегистрироваться" }).click();
    await main.waitForURL(`${this.origin}/dashboard`);
    await expectText(main.getByTestId("user-email"), this.email, "email пользователя в кабинете");
    await expectText(main.getByTestId("current-session"), /Истекает/, "время жизни текущей сессии");
    // One session: the one sign-up opened reaches the browser (nextCookies), no second sign-in behind it.
    await expectRows(main, 1);

    this.step = "после перезагрузки пользователь всё ещё в кабинете";
    await main.reload();
    await expectUrl(main, `${this.origin}/dashboard`);
    await expectText(main.getByTestId("user-email"), this.email, "email пользователя после перезагрузки");

    this.step = "запросы из браузера несут cookie: /api/auth/get-session и tRPC me";
    for (const [button, probe] of [
      ["GET /api/auth/get-session", "probe-/api/auth/get-session"],
      ["tRPC me", "probe-/api/trpc/me"],
    ] as const) {
      await main.getByRole("button", { name: button }).click();
      await expectText(main.getByTestId(probe), `200: `, `ответ ${button}`, this.email);
    }
    await this.shot(main, "dashboard");

    this.step = "cookie сессии не видна из document.cookie (HttpOnly)";
    const sessionCookies = (await main.context().cookies()).filter((cookie) => cookie.name.includes("session_token"));
    if (sessionCookies.length === 0) throw new Error("в браузере нет cookie session_token");
    for (const cookie of sessionCookies) {
      if (!cookie.httpOnly) throw new Error(`cookie ${cookie.name} без флага HttpOnly`);
    }
    const visible = await main.evaluate(() => document.cookie);
    if (visible.includes("session_token")) throw new Error(`document.cookie показывает токен сессии: «${visible}»`);

    this.step = "выход, затем /dashboard перенаправляет на вход";
    await main.getByRole("button", { name: "Выйти", exact: true }).click();
    await main.waitForURL(`${this.origin}/login`);
    // No cookie left: the lab's proxy.ts answers before the page renders.
    const gate = await main.goto(`${this.origin}/dashboard`);
    const redirect = gate?.request().redirectedFrom();
    if (!redirect) throw new Error("/dashboard без cookie открылся без редиректа");
    await expectUrl(main, `${this.origin}/login`);

    this.step = "вход с неверным паролем показывает русскую ошибку лабы";
    await this.signIn(main, "wrong-password-123", false);
    await expectText(main.getByTestId("form-error"), /[А-Яа-яЁё]/, "сообщение об ошибке на русском");
    await this.shot(main, "login-error");
    await this.open(main, "/login");
    await this.shot(main, "login");

    this.step = "вход в двух браузерах: в кабинете видны обе сессии";
    const first = await this.newPage();
    const second = await this.newPage();
    await this.signIn(first, PASSWORD);
    await this.signIn(second, PASSWORD);
    await first.reload();
    await expectRows(first, 2);

    this.step = "«Завершить» закрывает сессию другого браузера";
    // Rows are newest first: the first row that is not this device is the second browser's session.
    await first
      .getByTestId("sessions")
      .locator("tbody tr", { hasNot: first.getByText("это устройство") })
      .first()
      .getByRole("button", { name: "Завершить" })
      .click();
    await expectRows(first, 1);
    await second.reload();
    await expectUrl(second, `${this.origin}/login`);

    this.step = "«Выйти на всех устройствах» завершает обе сессии";
    await this.signIn(second, PASSWORD);
    await first.reload();
    await expectRows(first, 2);
    await this.shot(first, "dashboard-sessions");

    this.step = "сессия старше freshAge: кабинет открывается, вместо списка просит войти снова, «Выйти на всех устройствах» на месте";
    // Time moves in the database: both sign-ins now happened an hour ago, past bauth10's freshAge (10 minutes).
    await this.query(
      `update sessions set created_at = now() - interval '1 hour' where user_id = (select id from users where email = $1)`,
      [this.email],
    );
    const stale = await first.reload();
    if (stale?.status() !== 200) throw new Error(`/dashboard с сессией старше freshAge ответил ${stale?.status()}, а не 200`);
    await expectText(first.getByTestId("sessions-not-fresh"), /Войдите снова/, "просьба войти снова вместо списка сессий");
    if ((await first.getByTestId("sessions").count()) !== 0) throw new Error("список сессий показан, хотя Better Auth отказал в нём");
    await this.shot(first, "dashboard-not-fresh");
    await first.getByRole("button", { name: "Выйти на всех устройствах" }).click();
    await first.waitForURL(`${this.origin}/login`);
    await second.reload();
    await expectUrl(second, `${this.origin}/login`);
    await this.open(first, "/dashboard");
    await expectUrl(first, `${this.origin}/login`);

    this.step = "вход по ссылке /login?next=<адрес с табуляцией> остаётся на сайте (open redirect)";
    // "/\t/evil.example/": a string check passes it, the browser's URL parser drops the tab and goes to //evil.example/.
    await this.open(main, `/login?next=${encodeURIComponent("/\t/evil.example/")}`);
    await main.getByLabel("Email").fill(this.email);
    await main.getByLabel("Пароль").fill(PASSWORD);
    await main.getByRole("button", { name: "Войти" }).click();
    await main.waitForURL((url) => url.pathname === "/dashboard" || !url.href.startsWith(this.origin));
    await expectUrl(main, `${this.origin}/dashboard`);

    this.step = "главная страница";
    await this.open(main, "/");
    await this.shot(main, "home");
  }

  /** The message the dashboard shows when the lab's own code threw (an open TODO). */
  async labError(): Promise<string | undefined> {
    const shown = this.lastPage?.getByTestId("lab-error");
    if (!shown || (await shown.count().catch(() => 0)) === 0) return undefined;
    return (await shown.first().textContent())?.trim();
  }

  async failureShot(): Promise<void> {
    if (this.lastPage && !this.lastPage.isClosed()) await this.shot(this.lastPage, "failure").catch(() => {});
  }

  private async signIn(page: Page, password: string, expectDashboard = true): Promise<void> {
    await this.open(page, "/login");
    await page.getByLabel("Email").fill(this.email);
    await page.getByLabel("Пароль").fill(password);
    await page.getByRole("button", { name: "Войти" }).click();
    if (expectDashboard) await page.waitForURL(`${this.origin}/dashboard`);
  }

  /** The headers next.config.ts sends, on a page, on /dashboard's redirect and on an API route. */
  private async checkSecurityHeaders(): Promise<void> {
    const expected = new Map(securityHeaders({ appUrl: this.origin, dev: this.dev }).map(({ key, value }) => [key.toLowerCase(), value]));
    for (const path of ["/", "/login", "/dashboard", "/api/auth/ok"]) {
      const response = await fetch(`${this.origin}${path}`, { redirect: "manual" });
      const csp = response.headers.get("content-security-policy") ?? "";
      if (!/frame-ancestors 'none'/.test(csp)) throw new Error(`${path}: нет Content-Security-Policy с frame-ancestors 'none' («${csp}»)`);
      for (const [name, value] of expected) {
        if (response.headers.get(name) !== value) throw new Error(`${path}: ${name} = «${response.headers.get(name)}», ожидалось «${value}»`);
      }
      if (response.headers.has("strict-transport-security")) throw new Error(`${path}: Strict-Transport-Security по http не нужен`);
    }
    // Over https the same function adds HSTS; the playground itself only ever runs on http://localhost.
    const https = securityHeaders({ appUrl: "https://app.example.ru", dev: false });
    if (!https.some(({ key, value }) => key === "Strict-Transport-Security" && /max-age=\d{7,}/.test(value))) {
      throw new Error("securityHeaders() для https не добавляет Strict-Transport-Security с max-age");
    }
  }

  private async query(text: string, values: unknown[]): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      await client.query(text, values);
    } finally {
      await client.end();
    }
  }

  /** A fresh browser context (its own cookie jar, like another device) that reaches only the playground. */
  private async newPage(): Promise<Page> {
    const context = await this.browser.newContext({ viewport: { width: 1100, height: 760 }, locale: "ru-RU" });
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

  private async open(page: Page, path: string): Promise<void> {
    this.lastPage = page;
    await page.goto(`${this.origin}${path}`, { waitUntil: "load", timeout: 120_000 });
  }

  private async shot(page: Page, name: string): Promise<void> {
    this.lastPage = page;
    const path = join(ARTIFACTS_DIR, `${name}.png`);
    // caret: "initial": hiding the caret edits the DOM, which React would then report as a hydration mismatch.
    await page.screenshot({ path, fullPage: true, caret: "initial" });
    this.screenshots.push(relative(REPO_ROOT, path));
  }
}

/** Waits up to 10 s until the element's text contains every expected part. */
async function expectText(
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
async function expectUrl(page: Page, expected: string): Promise<void> {
  await page.waitForLoadState("load");
  const actual = new URL(page.url());
  if (`${actual.origin}${actual.pathname}` !== expected) throw new Error(`ожидался адрес ${expected}, а открыт ${page.url()}`);
}

async function sessionRows(page: Page): Promise<number> {
  await page.getByTestId("sessions").waitFor({ state: "visible" });
  return page.getByTestId("sessions").locator("tbody tr").count();
}

async function expectRows(page: Page, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await sessionRows(page)) !== count) {
    if (Date.now() > deadline) throw new Error(`в списке сессий ${await sessionRows(page)} строк, ожидалось ${count}`);
    await page.waitForTimeout(100);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0]! : String(error);
}

// Run directly: print the result and exit non-zero on any problem.
if (import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({ options: { dev: { type: "boolean" }, "lab-dir": { type: "string" } } });
  const startedAt = new Date();
  console.log(`▶ e2e песочницы в Chromium, старт в ${startedAt.toLocaleTimeString("ru-RU")}`);
  const result = await runPlaygroundE2E({ mode: values.dev ? "dev" : "start", labDir: values["lab-dir"] });
  console.log(
    `  запуск песочницы ${seconds(result.timings.start)}, сценарий в браузере ${seconds(result.timings.browser)}, ` +
      `всего ${seconds(result.timings.total)}`,
  );
  for (const shot of result.screenshots) console.log(`  📸 ${shot}`);
  if (result.problems.length === 0) {
    console.log("✅ e2e песочницы: всё работает");
  } else {
    console.log(`❌ e2e песочницы: проблем ${result.problems.length}`);
    for (const problem of result.problems) console.log(`  • ${problem}`);
  }
  process.exit(result.problems.length === 0 ? 0 : 1);
}
