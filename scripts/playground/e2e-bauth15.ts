/**
 * The short playground scenario of solutions/bauth15 in Chromium: the lab's
 * proxy redirects /dashboard to /login?next=… with the security headers on,
 * and a hostile `next` is not followed after a real sign-in.
 * Run by e2e.ts (`npm run playground:e2e`, `npm run verify`) after bauth10's walk.
 */
import { BrowserScenario, expectText, expectUrl, runScenario, type E2EOptions, type E2EResult } from "./e2e-browser.ts";

const PASSWORD = "correct-horse-battery";

export function runBauth15E2E(options: E2EOptions = {}): Promise<E2EResult> {
  return runScenario({ lab: "bauth15", artifactsPrefix: "bauth15-", create: (context) => new Bauth15Scenario(context) }, options);
}

class Bauth15Scenario extends BrowserScenario {
  private readonly email = `e2e15-${Date.now().toString(36)}@example.com`;

  async run(): Promise<void> {
    const page = await this.newPage();

    this.step = "/dashboard без сессии ведёт на /login?next=%2Fdashboard, ответы с заголовками безопасности";
    const login = await page.goto(`${this.origin}/dashboard`, { waitUntil: "load", timeout: 120_000 });
    const redirect = await login?.request().redirectedFrom()?.response();
    if (!login || !redirect) throw new Error("/dashboard без cookie открылся без редиректа");
    if (redirect.status() < 300 || redirect.status() > 399) throw new Error(`редирект с /dashboard ответил ${redirect.status()}`);
    const landed = new URL(page.url());
    // The lab's proxy: searchParams.set("next", pathname), so the slash is percent-encoded.
    if (landed.origin !== this.origin || landed.pathname !== "/login" || landed.search !== "?next=%2Fdashboard") {
      throw new Error(`ожидался адрес ${this.origin}/login?next=%2Fdashboard, а открыт ${page.url()}`);
    }
    expectSecurityHeaders("редирект с /dashboard", await redirect.allHeaders());
    expectSecurityHeaders("страница /login", await login.allHeaders());
    await this.shot(page, "login-next");

    this.step = "регистрация: вход ждёт подтверждения email";
    await this.open(page, "/sign-up");
    await page.getByLabel("Имя").fill("Борис Тестов");
    await page.getByLabel("Email").fill(this.email);
    await page.getByLabel(/^Пароль/).fill(PASSWORD);
    await page.getByRole("button", { name: "Зарегистрироваться" }).click();
    // bauth14+: the account exists, but the sign-in the playground tries after sign-up is refused until the email is verified.
    await expectText(page.getByTestId("form-error"), /[А-Яа-яЁё]/, "сообщение на русском о неподтверждённом email");
    // The letter with the link lands in the outbox table; the scenario confirms the address directly, the lab stays as it is.
    const verified = await this.query("update users set email_verified = true where email = $1", [this.email]);
    if (verified !== 1) throw new Error(`регистрация не создала пользователя ${this.email} (строк в users: ${verified})`);

    this.step = "вход по ссылке /login?next=<адрес с табуляцией> остаётся на сайте (open redirect)";
    // "/\t/evil.example/": the browser's URL parser drops the tab, and //evil.example/ is another site.
    await this.open(page, `/login?next=${encodeURIComponent("/\t/evil.example/")}`);
    await page.getByLabel("Email").fill(this.email);
    await page.getByLabel("Пароль").fill(PASSWORD);
    await page.getByRole("button", { name: "Войти" }).click();
    await page.waitForURL((url) => url.pathname === "/dashboard" || !url.href.startsWith(this.origin));
    await expectUrl(page, `${this.origin}/dashboard`);
    await expectText(page.getByTestId("user-email"), this.email, "email пользователя в кабинете");
    await this.shot(page, "dashboard");

    // Clear-Site-Data is not checked here: the playground signs out through a Server Action that calls the
    // lab's signOut() (auth.api) and forwards only its Set-Cookie lines, so the browser never gets that header.
    // tests/bauth15.test.ts checks it on the lab's POST /api/auth/sign-out.
  }
}

/**
 * What bauth15 asks of every response (solutions/bauth15/src/lib/security-headers.ts). The playground's
 * next.config.ts sets headers of the same names, so only what both promise is checked, not the exact CSP.
 * On the redirect the lab's proxy has the last word; /login is outside the playground's proxy matcher,
 * so there the headers are the playground's own (labs/bauth15/README.md, «Песочница»).
 */
function expectSecurityHeaders(where: string, headers: Record<string, string>): void {
  const csp = headers["content-security-policy"] ?? "";
  if (!/frame-ancestors 'none'/.test(csp)) throw new Error(`${where}: нет Content-Security-Policy с frame-ancestors 'none' («${csp}»)`);
  if (headers["x-content-type-options"] !== "nosniff") {
    throw new Error(`${where}: X-Content-Type-Options = «${headers["x-content-type-options"]}», ожидалось «nosniff»`);
  }
  const referrer = headers["referrer-policy"];
  // These two send the full URL (with ?next=…) to other sites; every other value keeps it on this one.
  if (!referrer || ["unsafe-url", "no-referrer-when-downgrade"].includes(referrer)) {
    throw new Error(`${where}: Referrer-Policy = «${referrer}», адрес страницы уйдёт на чужие сайты`);
  }
  if ("strict-transport-security" in headers) throw new Error(`${where}: Strict-Transport-Security по http не нужен`);
}
