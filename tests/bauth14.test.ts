import type { Auth } from "better-auth";
import { hashPassword } from "better-auth/crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { describeError } from "./support/errors.ts";
import { appRequest, cookieHeader, readJson, sessionCookie, type AuthHandler } from "./support/http.ts";
import { APP_ORIGIN, setupLab, type LabEnvironment } from "./support/lab-environment.ts";
import { openSession, type OpenedSession } from "./support/sessions.ts";
import { signInRequest, TEST_PASSWORD, uniqueEmail } from "./support/users.ts";

const NEW_PASSWORD = "violet-staple-orbit-canyon";
const CYRILLIC = /[А-Яа-яЁё]/;

interface Mail {
  recipient: string;
  subject: string;
  body: string;
}

interface User {
  id: string;
  email: string;
  name: string;
}

let lab: LabEnvironment;
/** Better Auth's scrypt hash of TEST_PASSWORD, computed once: users are written straight to the tables. */
let passwordHash: string;

beforeAll(async () => {
  lab = await setupLab("bauth14");
  passwordHash = await hashPassword(TEST_PASSWORD);
});

const loadAuth = () => lab.load<{ auth: Auth & AuthHandler }>("src/lib/auth.ts", { auth: "object" });

/**
 * A user whose address is already confirmed, with the password TEST_PASSWORD:
 * two INSERTs instead of a sign-up (one scrypt) and a confirmation round trip.
 */
async function verifiedUser(name = "Ирина"): Promise<User> {
  const email = uniqueEmail("owner");
  const { rows } = await lab.sql.query<{ id: string }>(`insert into users (name, email, email_verified) values ($1, $2, true) returning id`, [
    name,
    email,
  ]);
  const id = rows[0]!.id;
  await lab.sql.query(`insert into accounts (account_id, provider_id, user_id, password) values ($1, 'credential', $2, $3)`, [id, id, passwordHash]);
  return { id, email, name };
}

/** A signed-in device of the user, opened by Better Auth itself; `minutesAgo` moves its sign-in back. */
async function device(user: User, minutesAgo = 0): Promise<OpenedSession> {
  const session = await openSession((await loadAuth()).auth, user.id);
  if (minutesAgo > 0) await signedInMinutesAgo(session, minutesAgo);
  return session;
}

/** The sign-in happened `minutes` ago, and the session was renewed just now (updated_at): freshness counts from the sign-in. */
async function signedInMinutesAgo(session: OpenedSession, minutes: number): Promise<void> {
  await lab.sql.query(`update sessions set created_at = now() - make_interval(mins => $2), updated_at = now() where token = $1`, [
    session.token,
    minutes,
  ]);
}

async function post(path: string, body: unknown, cookie?: string): Promise<Response> {
  const { auth } = await loadAuth();
  return auth.handler(appRequest(`/api/auth/${path}`, { body, ...(cookie ? { cookie } : {}) }));
}

/** Opens a link from a letter as the browser would (a GET on the app's origin), without a cookie. */
async function follow(link: URL): Promise<Response> {
  const { auth } = await loadAuth();
  return auth.handler(appRequest(`${link.pathname}${link.search}`));
}

async function sessionExists(token: string): Promise<boolean> {
  const { rowCount } = await lab.sql.query(`select 1 from sessions where token = $1`, [token]);
  return rowCount === 1;
}

async function storedPassword(userId: string): Promise<string | null> {
  const { rows } = await lab.sql.query<{ password: string | null }>(`select password from accounts where user_id = $1 and provider_id = 'credential'`, [
    userId,
  ]);
  return rows[0]?.password ?? null;
}

async function emailOf(userId: string): Promise<string | undefined> {
  const { rows } = await lab.sql.query<{ email: string }>(`select email from users where id = $1`, [userId]);
  return rows[0]?.email;
}

/** The letters written to the outbox for this address, oldest first. */
async function mailsTo(address: string): Promise<Mail[]> {
  try {
    const { rows } = await lab.sql.query<Mail>(`select recipient, subject, body from outbox where recipient = $1 order by created_at`, [address]);
    return rows;
  } catch (error) {
    throw new Error(
      `🚨 не удалось прочитать таблицу outbox (${describeError(error)}). Добавьте её в src/db/schema.ts по контракту README ` +
        "(recipient, subject, body, created_at) и сгенерируйте миграцию: npm run db:generate -- bauth14",
    );
  }
}

/** The first link in the letters that leads to Better Auth's endpoint `path` (for example "/verify-email"). */
function linkTo(mails: Mail[], path: string): URL | undefined {
  for (const mail of mails) {
    for (const match of mail.body.matchAll(/https?:\/\/[^\s"'<>]+/g)) {
      const url = URL.parse(match[0]);
      if (url?.origin === APP_ORIGIN && url.pathname.startsWith(`/api/auth${path}`)) return url;
    }
  }
  return undefined;
}

/** The letter's link, or a failure that says which letter is missing. */
function expectLink(mails: Mail[], path: string, letter: string): URL {
  const link = linkTo(mails, path);
  expect(
    link,
    `🚨 ${letter}: в outbox нет письма со ссылкой ${APP_ORIGIN}/api/auth${path}… — положите в текст письма url, который передаёт Better Auth, как есть. ` +
      `Сейчас письма: ${JSON.stringify(mails.map((mail) => mail.subject))}`,
  ).toBeDefined();
  return link!;
}

/** The reset token inside a link `/api/auth/reset-password/<token>?callbackURL=…`. */
function resetTokenOf(link: URL): string {
  return decodeURIComponent(link.pathname.split("/").pop() ?? "");
}

/** Keys and value types of a JSON body, recursively: what a client can tell apart without knowing the data. */
function shapeOf(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value === null ? "null" : typeof value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, item]) => [key, shapeOf(item)]),
  );
}

async function errorCode(response: Response): Promise<unknown> {
  return (await readJson(response)).code;
}

/** A reset link that was issued `minutes` ago: both its creation and its expiry move back. */
async function resetRequestedMinutesAgo(userId: string, minutes: number): Promise<void> {
  await lab.sql.query(
    `update verifications set created_at = created_at - make_interval(mins => $2), expires_at = expires_at - make_interval(mins => $2) where value = $1`,
    [userId, minutes],
  );
}

async function requestReset(user: User): Promise<URL> {
  const response = await post("request-password-reset", { email: user.email });
  expect(response.status, `🚨 запрос сброса пароля должен пройти: ${JSON.stringify(await readJson(response))}`).toBe(200);
  return expectLink(await mailsTo(user.email), "/reset-password/", "письмо сброса пароля");
}

/**
 * Makes the database refuse letters to addresses that start with "undeliverable-", as a full disk
 * would: a real PostgreSQL error inside the lab's sendMail, not an API refusal.
 */
async function refuseLettersToUndeliverable(): Promise<void> {
  try {
    await lab.sql.query(`
      create or replace function refuse_undeliverable() returns trigger language plpgsql as $$
      begin
        if new.recipient like 'undeliverable-%' then raise exception 'could not extend file: No space left on device'; end if;
        return new;
      end $$;
      create or replace trigger refuse_undeliverable before insert on outbox for each row execute function refuse_undeliverable();`);
  } catch (error) {
    throw new Error(`🚨 таблицы outbox нет или она не такая, как в контракте README (${describeError(error)}): добавьте её в src/db/schema.ts и сгенерируйте миграцию`);
  }
}

describe("bauth14 «Смена пароля и email»", () => {
  it("регистрация не открывает сессию, пока email не подтверждён: письмо со ссылкой в outbox, вход до подтверждения отклонён и присылает письмо снова, ссылка подтверждает адрес", async () => {
    const email = uniqueEmail("new");
    const signUp = await post("sign-up/email", { name: "Пётр", email, password: TEST_PASSWORD });
    expect(signUp.status, `🚨 регистрация должна пройти: ${JSON.stringify(await readJson(signUp))}`).toBe(200);
    expect(
      sessionCookie(signUp),
      "🚨 регистрация выставила cookie сессии: до подтверждения адреса сессии быть не должно (emailAndPassword.requireEmailVerification)",
    ).toBeUndefined();

    const mails = await mailsTo(email);
    const link = expectLink(mails, "/verify-email", "письмо подтверждения после регистрации (emailVerification.sendVerificationEmail)");
    expect(mails.every((mail) => CYRILLIC.test(mail.subject) && CYRILLIC.test(mail.body)), "🚨 тема и текст письма должны быть по-русски").toBe(true);

    const early = await signInRequest((await loadAuth()).auth, email, TEST_PASSWORD);
    expect(
      [early.status, await errorCode(early)],
      "🚨 вход с неподтверждённым адресом должен получать 403 EMAIL_NOT_VERIFIED: включите emailAndPassword.requireEmailVerification",
    ).toEqual([403, "EMAIL_NOT_VERIFIED"]);
    expect(
      (await mailsTo(email)).length,
      "🚨 вход с неподтверждённым адресом должен прислать новое письмо подтверждения (emailVerification.sendOnSignIn): старое могло потеряться",
    ).toBeGreaterThan(mails.length);

    const verified = await follow(link);
    expect(verified.status, `🚨 переход по ссылке из письма должен подтвердить адрес: ${JSON.stringify(await readJson(verified))}`).toBeLessThan(400);
    const { rows } = await lab.sql.query<{ email_verified: boolean }>(`select email_verified from users where email = $1`, [email]);
    expect(rows[0]?.email_verified, "🚨 после перехода по ссылке users.email_verified должен стать true").toBe(true);
  });

  it("повторная регистрация на занятый адрес отвечает как новая: тот же статус и форма ответа, без cookie и без данных владельца; владелец получает письмо, аккаунт не меняется", async () => {
    const owner = await verifiedUser("Ирина Владелица");
    const attempt = { name: "Гость", password: "another-long-passphrase" };
    const [fresh, repeated] = await Promise.all([
      post("sign-up/email", { ...attempt, email: uniqueEmail("fresh") }),
      post("sign-up/email", { ...attempt, email: owner.email }),
    ]);
    const [freshBody, repeatedBody] = [await readJson(fresh), await readJson(repeated)];
    expect(
      repeated.status,
      `🚨 регистрация на занятый адрес ответила ${repeated.status} ${JSON.stringify(repeatedBody)}, а на новый — ${fresh.status}: ` +
        "так любой проверит, зарегистрирован ли адрес. Включите emailAndPassword.requireEmailVerification",
    ).toBe(fresh.status);
    expect(fresh.status, `🚨 регистрация на новый адрес должна пройти: ${JSON.stringify(freshBody)}`).toBe(200);
    expect(shapeOf(repeatedBody), "🚨 ответ на занятый адрес должен иметь те же поля и типы, что и на новый").toEqual(shapeOf(freshBody));
    expect([sessionCookie(fresh), sessionCookie(repeated)], "🚨 ни одна регистрация не должна выставлять cookie сессии до подтверждения адреса").toEqual([
      undefined,
      undefined,
    ]);
    const leaked = [owner.id, owner.name].filter((secret) => JSON.stringify(repeatedBody).includes(secret));
    expect(leaked, "🚨 ответ на повторную регистрацию не должен содержать id и имя настоящего владельца").toEqual([]);

    expect(await storedPassword(owner.id), "🚨 повторная регистрация не должна менять пароль владельца").toBe(passwordHash);
    const { rows } = await lab.sql.query<{ name: string }>(`select name from users where email = $1`, [owner.email]);
    expect(rows.map((row) => row.name), "🚨 пользователь с этим адресом должен остаться один и с прежним именем").toEqual([owner.name]);
    const notice = await mailsTo(owner.email);
    expect(
      notice.length,
      "🚨 владелец адреса должен получить письмо о попытке регистрации (emailAndPassword.onExistingUserSignUp): форма молчит, а он узнаёт",
    ).toBeGreaterThan(0);
    expect(CYRILLIC.test(notice[0]!.body), "🚨 письмо владельцу должно быть по-русски").toBe(true);
  });

  it("смена пароля из свежей сессии завершает все остальные сессии, даже если клиент не просил revokeOtherSessions; это устройство остаётся в системе; новый пароль работает, старый — нет", async () => {
    const user = await verifiedUser();
    const laptop = await device(user, 5);
    const stolen = await device(user);

    const response = await post("change-password", { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }, laptop.cookie);
    expect(response.status, `🚨 смена пароля из сессии, открытой 5 минут назад, должна пройти: ${JSON.stringify(await readJson(response))}`).toBe(200);
    expect(
      await sessionExists(stolen.token),
      "🚨 после смены пароля украденная вторая сессия жива: смена пароля должна завершать все остальные сессии (revokeOtherSessions), что бы ни прислал клиент",
    ).toBe(false);

    // The browser keeps its cookie unless the answer replaces it.
    const cookie = cookieHeader(response) || laptop.cookie;
    const { auth } = await loadAuth();
    const session = await readJson(await auth.handler(appRequest("/api/auth/get-session", { cookie })));
    expect((session.user as { id?: unknown } | undefined)?.id, "🚨 устройство, с которого сменили пароль, должно остаться в системе").toBe(user.id);

    const [withNew, withOld] = await Promise.all([signInRequest(auth, user.email, NEW_PASSWORD), signInRequest(auth, user.email, TEST_PASSWORD)]);
    expect([withNew.status, withOld.status], "🚨 после смены входит новый пароль (200), а старый — нет (401)").toEqual([200, 401]);
  });

  it("несвежая сессия (вход 11 минут назад, продлена только что) не меняет пароль: 403 SESSION_NOT_FRESH с русским сообщением и по HTTP, и через auth.api; пароль и сессии не тронуты", async () => {
    const user = await verifiedUser();
    const stale = await device(user, 11);
    const other = await device(user);
    const body = { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, revokeOtherSessions: true };

    const response = await post("change-password", body, stale.cookie);
    const answer = await readJson(response);
    expect(
      [response.status, answer.code],
      `🚨 смена пароля из сессии, открытой входом 11 минут назад, должна получать 403 SESSION_NOT_FRESH (свежесть считается от created_at): ${JSON.stringify(answer)}`,
    ).toEqual([403, "SESSION_NOT_FRESH"]);
    expect(String(answer.message), "🚨 отказ объясняется по-русски: что сделать, чтобы сменить пароль").toMatch(CYRILLIC);

    const { auth } = await loadAuth();
    const direct = await auth.api.changePassword({ body, headers: stale.headers }).then(
      () => "прошла",
      (error: unknown) => (error as { body?: { code?: unknown } }).body?.code ?? describeError(error),
    );
    expect(direct, "🚨 auth.api.changePassword из несвежей сессии тоже должен получать SESSION_NOT_FRESH: проверка должна жить в хуке Better Auth, а не только в HTTP-маршруте").toBe(
      "SESSION_NOT_FRESH",
    );
    expect(await storedPassword(user.id), "🚨 отказ не должен менять пароль").toBe(passwordHash);
    expect([await sessionExists(stale.token), await sessionExists(other.token)], "🚨 отказ не должен завершать сессии").toEqual([true, true]);
  });

  it("смена email: несвежая сессия получает 403 SESSION_NOT_FRESH; из свежей письмо уходит на старый адрес, и email меняется только после подтверждения со старого и с нового адреса", async () => {
    const user = await verifiedUser();
    const session = await device(user, 11);
    const newEmail = uniqueEmail("moved");

    const refused = await post("change-email", { newEmail }, session.cookie);
    expect(
      [refused.status, await errorCode(refused)],
      `🚨 смена email из сессии, открытой 11 минут назад, должна получать 403 SESSION_NOT_FRESH: ${JSON.stringify(await readJson(refused))}`,
    ).toEqual([403, "SESSION_NOT_FRESH"]);

    await signedInMinutesAgo(session, 5);
    const accepted = await post("change-email", { newEmail }, session.cookie);
    expect(accepted.status, `🚨 смена email из свежей сессии должна пройти (user.changeEmail.enabled): ${JSON.stringify(await readJson(accepted))}`).toBe(200);
    expect(await emailOf(user.id), "🚨 email не должен меняться, пока смену не подтвердили").toBe(user.email);
    expect(
      linkTo(await mailsTo(newEmail), "/verify-email"),
      "🚨 первое письмо должно уйти на старый адрес (user.changeEmail.sendChangeEmailConfirmation), а не на новый: иначе укравший сессию уведёт аккаунт на свой адрес",
    ).toBeUndefined();
    const confirmation = expectLink(await mailsTo(user.email), "/verify-email", "письмо на старый адрес о смене email");

    expect((await follow(confirmation)).status, "🚨 переход по ссылке со старого адреса должен пройти").toBeLessThan(400);
    expect(await emailOf(user.id), "🚨 после подтверждения со старого адреса email ещё прежний: новый адрес тоже надо подтвердить").toBe(user.email);
    const verification = expectLink(await mailsTo(newEmail), "/verify-email", "письмо на новый адрес");
    expect((await follow(verification)).status, "🚨 переход по ссылке с нового адреса должен пройти").toBeLessThan(400);
    expect(await emailOf(user.id), "🚨 после подтверждения с нового адреса email должен смениться").toBe(newEmail);
  });

  it("запрос сброса пароля отвечает одинаково на известный и неизвестный адрес; письмо со ссылкой получает только владелец, а в verifications токен не хранится открытым текстом", async () => {
    const user = await verifiedUser();
    const stranger = uniqueEmail("nobody");
    const [known, unknown] = await Promise.all([post("request-password-reset", { email: user.email }), post("request-password-reset", { email: stranger })]);
    const [knownBody, unknownBody] = [await readJson(known), await readJson(unknown)];
    expect(known.status, `🚨 запрос сброса должен пройти (emailAndPassword.sendResetPassword): ${JSON.stringify(knownBody)}`).toBe(200);
    expect(
      [unknown.status, unknownBody],
      "🚨 на неизвестный адрес ответ должен быть тем же, что и на известный: иначе форма сброса выдаёт, кто зарегистрирован",
    ).toEqual([known.status, knownBody]);
    expect(await mailsTo(stranger), "🚨 на незарегистрированный адрес письмо не отправляется").toEqual([]);

    const token = resetTokenOf(expectLink(await mailsTo(user.email), "/reset-password/", "письмо сброса пароля"));
    const { rows } = await lab.sql.query<{ identifier: string }>(`select identifier from verifications where value = $1`, [user.id]);
    expect(rows.length, "🚨 запрос сброса должен записать токен в verifications").toBeGreaterThan(0);
    expect(
      rows.filter((row) => row.identifier.includes(token)).length,
      "🚨 токен сброса лежит в verifications открытым текстом: кто прочтёт таблицу (бэкап, утечка), тот сменит пароль. Храните хеш (verification.storeIdentifier)",
    ).toBe(0);
  });

  it("ссылка сброса работает один раз: через 14 минут ещё действует, меняет пароль и завершает все сессии; повторно — 400 INVALID_TOKEN, и пароль остаётся первым", async () => {
    const user = await verifiedUser();
    const sessions = [await device(user), await device(user)];
    const token = resetTokenOf(await requestReset(user));
    await resetRequestedMinutesAgo(user.id, 14);

    const first = await post("reset-password", { token, newPassword: NEW_PASSWORD });
    expect(first.status, `🚨 ссылка сброса, выданная 14 минут назад, должна ещё действовать: ${JSON.stringify(await readJson(first))}`).toBe(200);
    const alive = await Promise.all(sessions.map((session) => sessionExists(session.token)));
    expect(alive, "🚨 сброс пароля должен завершать все сессии пользователя (emailAndPassword.revokeSessionsOnPasswordReset)").toEqual([false, false]);

    const second = await post("reset-password", { token, newPassword: "third-password-never-set" });
    expect([second.status, await errorCode(second)], "🚨 ссылка сброса одноразовая: второй раз — 400 INVALID_TOKEN").toEqual([400, "INVALID_TOKEN"]);
    const signIn = await signInRequest((await loadAuth()).auth, user.email, NEW_PASSWORD);
    expect(signIn.status, "🚨 после сброса входит пароль из первого сброса").toBe(200);
  });

  it("sendMail пишет письмо строкой в outbox и не глотает ошибку базы: письмо, которое не записалось, — сбой, а не успех", async () => {
    const { sendMail } = await lab.load<{ sendMail: (mail: { to: string; subject: string; text: string }) => Promise<void> }>(
      "src/server/mail/outbox.ts",
      { sendMail: "function" },
    );
    const to = uniqueEmail("letter");
    await sendMail({ to, subject: "Проверка", text: "Текст письма" });
    expect(await mailsTo(to), "🚨 sendMail должна записать в outbox строку: recipient — адрес, subject — тема, body — текст").toEqual([
      { recipient: to, subject: "Проверка", body: "Текст письма" },
    ]);

    // Better Auth logs a failed letter and answers 200 anyway (it must not tell who exists), so only sendMail can report it.
    await refuseLettersToUndeliverable();
    const failed = await sendMail({ to: `undeliverable-${to}`, subject: "Проверка", text: "Текст" }).then(
      () => "записано",
      () => "ошибка",
    );
    expect(failed, "🚨 база отказала в записи письма, а sendMail завершилась успешно: не ловите ошибку базы, пусть она дойдёт до вызывающего кода").toBe(
      "ошибка",
    );
  });

  it("ссылка сброса живёт 15 минут: спустя 16 минут — 400 INVALID_TOKEN, и пароль прежний", async () => {
    const user = await verifiedUser();
    const token = resetTokenOf(await requestReset(user));
    await resetRequestedMinutesAgo(user.id, 16);

    const late = await post("reset-password", { token, newPassword: NEW_PASSWORD });
    expect(
      [late.status, await errorCode(late)],
      "🚨 ссылка сброса, выданная 16 минут назад, должна быть недействительна: emailAndPassword.resetPasswordTokenExpiresIn — 15 минут в секундах",
    ).toEqual([400, "INVALID_TOKEN"]);
    expect(await storedPassword(user.id), "🚨 просроченная ссылка не должна менять пароль").toBe(passwordHash);
  });
});
