/**
 * The playground scenario of solutions/bauth15 in Chromium: the lab's proxy
 * redirects /dashboard to /login?next=… with the security headers on; sign-up
 * opens no session, and the link from the playground's mailbox verifies the
 * address; a hostile `next` is not followed after a real sign-in; a password
 * change ends the other browser's session; sign-out through the lab's route
 * makes the browser clear the site's data; a reset link works, and only once.
 * Run by e2e.ts (`npm run playground:e2e`, `npm run verify`) after bauth10's walk.
 */
import type { Locator, Page } from "playwright-core";
import { BrowserScenario, expectText, expectUrl, runScenario, type E2EOptions, type E2EResult } from "./e2e-browser.ts";

const PASSWORD = "correct-horse-battery";
const CHANGED_PASSWORD = "staple-lantern-orbit";
const RESET_PASSWORD = "velvet-quarry-harbor";

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

    this.step = "регистрация не открывает сессию: песочница ведёт в свою почту, письмо со ссылкой подтверждения там";
    await this.signUp(page, "Борис Тестов");
    await this.shot(page, "outbox");
    const link = await this.mailLink(page, "/api/auth/verify-email?token=");

    this.step = "ссылка из письма подтверждает адрес и возвращает на главную";
    await link.click();
    await page.waitForURL((url) => url.origin === this.origin && url.pathname === "/");
    if ((await page.getByTestId("verify-error").count()) > 0) {
      throw new Error(`Better Auth не подтвердил адрес: «${await page.getByTestId("verify-error").textContent()}»`);
    }
    const verified = await this.query("select 1 from users where email = $1 and email_verified", [this.email]);
    if (verified !== 1) throw new Error(`после перехода по ссылке users.email_verified для ${this.email} не true`);

    this.step = "повторная регистрация с тем же адресом выглядит как первая, а владельцу приходит ещё одно письмо";
    const lettersBefore = await this.lettersTo(page);
    await this.signUp(page, "Кто-то Другой");
    const lettersAfter = await this.lettersTo(page);
    if (lettersAfter !== lettersBefore + 1) {
      throw new Error(`после повторной регистрации писем на ${this.email} ${lettersAfter}, ожидалось ${lettersBefore + 1}`);
    }

    this.step = "вход по ссылке /login?next=<адрес с табуляцией> остаётся на сайте (open redirect)";
    // "/\t/evil.example/": the browser's URL parser drops the tab, and //evil.example/ is another site.
    await this.signIn(page, PASSWORD, `/login?next=${encodeURIComponent("/\t/evil.example/")}`);
    await this.shot(page, "dashboard");

    this.step = "смена пароля завершает сессию второго браузера (украденную), это устройство остаётся в кабинете";
    const stolen = await this.newPage();
    await this.signIn(stolen, PASSWORD);
    await this.changePassword(page, PASSWORD, CHANGED_PASSWORD);
    const devices = await page.getByTestId("sessions").locator("tbody tr").count();
    if (devices !== 1) throw new Error(`после смены пароля в списке сессий ${devices} строк, ожидалась одна — это устройство`);
    await this.open(stolen, "/dashboard");
    await expectUrl(stolen, `${this.origin}/login`);

    this.step = "«Выйти»: POST /api/auth/sign-out лабы отвечает Clear-Site-Data, браузер стирает cookie и localStorage";
    await page.evaluate(() => localStorage.setItem("e2e-left-behind", "1"));
    const [signOut] = await Promise.all([
      page.waitForResponse((response) => response.url() === `${this.origin}/api/auth/sign-out` && response.request().method() === "POST"),
      page.getByRole("button", { name: "Выйти", exact: true }).click(),
    ]);
    if (signOut.status() !== 200) throw new Error(`POST /api/auth/sign-out ответил ${signOut.status()}`);
    const cleared = (await signOut.headerValue("clear-site-data")) ?? "";
    if (!/"cookies"/.test(cleared) || !/"storage"/.test(cleared)) {
      throw new Error(`ответ на выход: Clear-Site-Data = «${cleared}», ожидались "cookies" и "storage"`);
    }
    await page.waitForURL((url) => url.origin === this.origin && url.pathname === "/login");
    const sessionCookies = (await page.context().cookies(this.origin)).filter((cookie) => cookie.name.endsWith("session_token"));
    if (sessionCookies.length > 0) throw new Error(`после выхода в браузере осталась cookie ${sessionCookies[0]!.name}`);
    // Only Clear-Site-Data's "storage" reaches localStorage: no Set-Cookie line touches it.
    if ((await page.evaluate(() => localStorage.getItem("e2e-left-behind"))) !== null) {
      throw new Error("после выхода localStorage не очищен: браузер не выполнил Clear-Site-Data");
    }
    await this.open(page, "/dashboard");
    await expectUrl(page, `${this.origin}/login`);

    this.step = "сброс пароля: ссылка из почты задаёт новый пароль, и с ним можно войти";
    await page.getByRole("link", { name: "Забыли пароль?" }).click();
    await page.waitForURL((url) => url.origin === this.origin && url.pathname === "/forgot-password");
    await page.getByLabel("Email").fill(this.email);
    await page.getByRole("button", { name: "Прислать ссылку" }).click();
    await page.waitForURL((url) => url.origin === this.origin && url.pathname === "/outbox");
    await expectText(page.getByTestId("after-reset-request"), "Ссылка для сброса", "пояснение после запроса сброса");
    const resetLink = await this.mailLink(page, "/api/auth/reset-password/");
    const resetHref = (await resetLink.getAttribute("href"))!;
    await resetLink.click();
    await page.waitForURL((url) => url.origin === this.origin && url.pathname === "/reset-password");
    await page.getByLabel(/^Новый пароль/).fill(RESET_PASSWORD);
    await page.getByRole("button", { name: "Сохранить пароль" }).click();
    await page.waitForURL((url) => url.origin === this.origin && url.pathname === "/login");
    await expectText(page.getByTestId("reset-done"), "Пароль изменён", "сообщение о сбросе на странице входа");
    await this.signIn(page, RESET_PASSWORD);

    this.step = "та же ссылка сброса во второй раз отклонена";
    await page.goto(resetHref, { waitUntil: "load" });
    await expectText(page.getByTestId("reset-link-error"), "недействительна", "отказ по использованной ссылке");
    await this.shot(page, "reset-link-used");
  }

  /**
   * Signs in from `path` and expects the dashboard of this scenario's user. Each call is one attempt of the
   * lab's limit (5 per 5 minutes per address; without a proxy every request shares one address): this walk makes three.
   */
  private async signIn(page: Page, password: string, path = "/login"): Promise<void> {
    await this.submitSignIn(page, this.email, password, path);
    await page.waitForURL((url) => url.pathname === "/dashboard" || !url.href.startsWith(this.origin));
    await expectUrl(page, `${this.origin}/dashboard`);
    await expectText(page.getByTestId("user-email"), this.email, "email пользователя в кабинете");
  }

  /** Fills and sends the sign-up form; with bauth14 on, the playground answers with its mailbox, whoever owns the address. */
  private async signUp(page: Page, name: string): Promise<void> {
    await this.open(page, "/sign-up");
    await page.getByLabel("Имя").fill(name);
    await page.getByLabel("Email").fill(this.email);
    await page.getByLabel(/^Пароль/).fill(PASSWORD);
    await page.getByRole("button", { name: "Зарегистрироваться" }).click();
    await page.waitForURL((url) => url.origin === this.origin && url.pathname === "/outbox");
    await expectText(page.getByTestId("after-sign-up"), "Подтвердите адрес", "пояснение после регистрации");
  }

  /** How many letters to this scenario's address the playground's mailbox shows now. */
  private async lettersTo(page: Page): Promise<number> {
    await this.open(page, "/outbox");
    return this.myLetters(page).count();
  }

  /** The letters on the open mailbox page whose recipient is this scenario's address. */
  private myLetters(page: Page): Locator {
    return page.getByTestId("letter").filter({ has: page.getByTestId("letter-recipient").getByText(this.email, { exact: true }) });
  }

  /** The one link into Better Auth's `path` (e.g. /api/auth/verify-email) in the letters to this address. */
  private async mailLink(page: Page, path: string): Promise<Locator> {
    const links = this.myLetters(page)
      .getByTestId("letter-link")
      .filter({ hasText: `${this.origin}${path}` });
    const count = await links.count();
    if (count !== 1) throw new Error(`в почте песочницы ссылок ${path}… для ${this.email}: ${count}, ожидалась одна`);
    return links.first();
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
