/**
 * The playground's end-to-end test in real Chromium (Debian's chromium through
 * playwright-core): the walk through solutions/bauth10 here, then the short
 * scenario of solutions/bauth15 (e2e-bauth15.ts). It lives outside tests/,
 * which is what a student's `npm test` grades.
 *
 *   npx tsx scripts/playground/e2e.ts [--dev] [--lab-dir <folder for bauth10>]
 *
 * `npm run verify` calls checkPlayground(), which returns every problem both scenarios met.
 */
import { relative } from "node:path";
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import { securityHeaders } from "../../playground/security-headers.ts";
import { REPO_ROOT } from "../../tests/support/lab.ts";
import { runBauth15E2E } from "./e2e-bauth15.ts";
import {
  ARTIFACTS_DIR,
  BrowserScenario,
  clearArtifacts,
  expectText,
  expectUrl,
  runScenario,
  type E2EOptions,
  type E2EResult,
} from "./e2e-browser.ts";
import { seconds } from "./server.ts";

export { ARTIFACTS_DIR, type E2EOptions, type E2EResult };
const PASSWORD = "correct-horse-battery";
const TEMPORARY_PASSWORD = "staple-lantern-orbit";

export function runPlaygroundE2E(options: E2EOptions = {}): Promise<E2EResult> {
  return runScenario({ lab: "bauth10", artifactsPrefix: "", create: (context) => new Scenario(context) }, options);
}

/** Both scenarios, one after the other (each builds its own Next.js): bauth10's walk, then bauth15's headers and redirects. */
export async function runAllPlaygroundE2E(options: E2EOptions = {}): Promise<{ name: string; result: E2EResult }[]> {
  clearArtifacts();
  return [
    { name: "solutions/bauth10", result: await runPlaygroundE2E(options) },
    { name: "solutions/bauth15", result: await runBauth15E2E({ mode: options.mode }) },
  ];
}

/**
 * The shape of a `npm run verify` check: prints the timings and the
 * screenshots' folder, and returns every problem (an empty list when it passes).
 */
export async function checkPlayground(): Promise<string[]> {
  const problems: string[] = [];
  for (const { name, result } of await runAllPlaygroundE2E()) {
    console.log(
      `  ${name}: запуск песочницы (next build + next start) ${seconds(result.timings.start)}, ` +
        `сценарий в Chromium ${seconds(result.timings.browser)}`,
    );
    problems.push(...result.problems.map((problem) => `${name}: ${problem}`));
  }
  console.log(`  скриншоты: ${relative(REPO_ROOT, ARTIFACTS_DIR)}/*.png`);
  return problems;
}

/** The walk through solutions/bauth10: sign-up, sessions, freshAge, sign-out, open redirect. */
class Scenario extends BrowserScenario {
  private readonly email = `e2e-${Date.now().toString(36)}@example.com`;

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

    this.step = "смена пароля в bauth10 не завершает другую сессию: украденная cookie её переживает (это чинит bauth14)";
    await this.changePassword(first, PASSWORD, TEMPORARY_PASSWORD);
    await expectRows(first, 2);
    await second.reload();
    await expectUrl(second, `${this.origin}/dashboard`);
    // Back to the scenario's password, for the sign-ins below.
    await this.changePassword(first, TEMPORARY_PASSWORD, PASSWORD);

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

    this.step = "почта песочницы: у bauth10 таблицы outbox нет, страница так и говорит";
    await this.open(main, "/outbox");
    await expectText(main.getByTestId("outbox-missing"), "bauth14", "пояснение, что письма появляются в bauth14");
  }

  private async signIn(page: Page, password: string, expectDashboard = true): Promise<void> {
    await this.submitSignIn(page, this.email, password);
    if (expectDashboard) await page.waitForURL(`${this.origin}/dashboard`);
  }

  /** The headers next.config.ts sends, on a page, on /dashboard's redirect and on an API route. */
  private async checkSecurityHeaders(): Promise<void> {
    const expected = new Map(securityHeaders({ appUrl: this.origin, dev: this.context.dev }).map(({ key, value }) => [key.toLowerCase(), value]));
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

// Run directly: print the results and exit non-zero on any problem.
if (import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({ options: { dev: { type: "boolean" }, "lab-dir": { type: "string" } } });
  const startedAt = new Date();
  console.log(`▶ e2e песочницы в Chromium, старт в ${startedAt.toLocaleTimeString("ru-RU")}`);
  let failed = false;
  for (const { name, result } of await runAllPlaygroundE2E({ mode: values.dev ? "dev" : "start", labDir: values["lab-dir"] })) {
    console.log(
      `  ${name}: запуск песочницы ${seconds(result.timings.start)}, сценарий в браузере ${seconds(result.timings.browser)}, ` +
        `всего ${seconds(result.timings.total)}`,
    );
    for (const shot of result.screenshots) console.log(`  📸 ${shot}`);
    if (result.problems.length === 0) {
      console.log(`✅ e2e песочницы, ${name}: всё работает`);
    } else {
      failed = true;
      console.log(`❌ e2e песочницы, ${name}: проблем ${result.problems.length}`);
      for (const problem of result.problems) console.log(`  • ${problem}`);
    }
  }
  process.exit(failed ? 1 : 0);
}
