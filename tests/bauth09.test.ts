import type { Auth } from "better-auth";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { describeError } from "./support/errors.ts";
import { appRequest, readJson, sessionCookie, setCookieHeaders, type AuthHandler } from "./support/http.ts";
import { setupLab, type LabEnvironment } from "./support/lab-environment.ts";
import { openSession, type OpenedSession } from "./support/sessions.ts";
import { signUpUser, uniqueEmail, type TestUser } from "./support/users.ts";

const FOREIGN_ORIGIN = "https://evil.example";

type SignOutResult = { ok: true; setCookie: string[] } | { ok: false; code: string; message: string };
type SignOutFn = (headers: Headers) => Promise<SignOutResult>;
/** What a helper did: returned a result, or threw. */
type Outcome = { result: SignOutResult } | { thrown: unknown };

let lab: LabEnvironment;
let user: TestUser;

beforeAll(async () => {
  lab = await setupLab("bauth09");
  user = await signUpUser((await loadAuth()).auth, { name: "Марк" });
});

const loadAuth = () => lab.load<{ auth: Auth & AuthHandler }>("src/lib/auth.ts", { auth: "object" });
const loadSignOut = () =>
  lab.load<{ signOut: SignOutFn; signOutEverywhere: SignOutFn }>("src/server/auth/sign-out.ts", {
    signOut: "function",
    signOutEverywhere: "function",
  });

/** One more signed-in device of a user: a session Better Auth opens without a password check. */
async function device(who: Pick<TestUser, "id"> = user): Promise<OpenedSession> {
  const { auth } = await loadAuth();
  return openSession(auth, who.id);
}

async function sessionExists(token: string): Promise<boolean> {
  const { rowCount } = await lab.sql.query(`select 1 from sessions where token = $1`, [token]);
  return rowCount === 1;
}

async function userOf(cookie: string): Promise<unknown> {
  const { auth } = await loadAuth();
  const response = await auth.handler(appRequest("/api/auth/get-session", { cookie }));
  return (await readJson(response)).user ?? null;
}

/** Runs a lab helper; a helper that throws before returning a promise is an outcome too. */
async function outcomeOf(call: () => Promise<SignOutResult>): Promise<Outcome> {
  return Promise.resolve()
    .then(call)
    .then(
      (result) => ({ result }),
      (thrown: unknown) => ({ thrown }),
    );
}

/** The helper's result when it is { ok: true, setCookie: string[] }; otherwise a Russian failure naming what came back. */
function expectSignedOut(outcome: Outcome, helper: string): string[] {
  const got = "thrown" in outcome ? `ошибка ${describeError(outcome.thrown)}` : JSON.stringify(outcome.result);
  const result = "result" in outcome ? outcome.result : undefined;
  expect(result?.ok === true && Array.isArray(result.setCookie), `🚨 ${helper} должен вернуть { ok: true, setCookie: string[] }, а вернул: ${got}`).toBe(
    true,
  );
  return result?.ok ? result.setCookie : [];
}

/** Checks that these Set-Cookie lines wipe the session cookie in the browser. */
function expectWiped(lines: string[], helper: string): void {
  const wiped = sessionCookie(setCookieHeaders(lines));
  expect(wiped, `🚨 setCookie из ${helper} должен содержать cookie сессии (…session_token): ${JSON.stringify(lines)}`).toBeDefined();
  expect(wiped?.attributes.get("max-age"), `🚨 setCookie из ${helper} должен стирать cookie сессии: Max-Age=0`).toBe("0");
  expect(wiped?.value, `🚨 в стёртой cookie из ${helper} не должно остаться токена`).toBe("");
}

/**
 * Makes the database refuse to delete this user's sessions, as a full disk or a lock timeout
 * would: a real PostgreSQL error inside Better Auth, not an API refusal. Returns the undo.
 */
async function refuseSessionDeletes(userId: string): Promise<() => Promise<void>> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) throw new Error(`неожиданный id пользователя: ${userId}`);
  await lab.sql.query(`
    create or replace function grader_refuse_delete() returns trigger language plpgsql as $$
    begin
      raise exception 'автопроверка: база не смогла удалить сессию' using errcode = '53100';
    end $$;
    create trigger grader_refuse_delete before delete on sessions
      for each row when (old.user_id = '${userId}') execute function grader_refuse_delete();
  `);
  return async () => {
    await lab.sql.query(`drop trigger if exists grader_refuse_delete on sessions; drop function if exists grader_refuse_delete();`);
  };
}

describe("bauth09 «Выход»", () => {
  it("POST на выход с чужого Origin отклоняется (403 INVALID_ORIGIN, сессия остаётся), а со своего — проходит", async () => {
    const { auth } = await loadAuth();
    const tablet = await device();
    const forged = await auth.handler(
      appRequest("/api/auth/sign-out", { method: "POST", cookie: tablet.cookie, origin: FOREIGN_ORIGIN }),
    );
    expect(
      forged.status,
      "🚨 чужой сайт не должен уметь выполнить выход с cookie пользователя. Включите проверку Origin явно — одной опцией блока advanced: в режиме test Better Auth её пропускает (см. context/create-context.mjs), — и не добавляйте в trustedOrigins чужие сайты или «*»",
    ).toBe(403);
    expect((await readJson(forged)).code, "🚨 Better Auth отвечает кодом INVALID_ORIGIN").toBe("INVALID_ORIGIN");
    expect(await sessionExists(tablet.token), "🚨 после отклонённого запроса сессия должна остаться").toBe(true);
    expect(await userOf(tablet.cookie), "🚨 cookie пользователя должна по-прежнему работать").not.toBeNull();

    // The check must keep out other sites only: the app's own page still signs out.
    const own = await auth.handler(appRequest("/api/auth/sign-out", { method: "POST", cookie: tablet.cookie }));
    expect(own.status, `🚨 выход со своего origin должен пройти: ${JSON.stringify(await readJson(own))}`).toBe(200);
    expect(await sessionExists(tablet.token), "🚨 после выхода строка сессии должна исчезнуть из sessions").toBe(false);
    expectWiped(own.headers.getSetCookie(), "ответа POST /api/auth/sign-out");
  });

  it("signOut(headers) удаляет строку этой сессии — старая cookie больше не работает — и возвращает Set-Cookie, который её стирает", async () => {
    const { signOut } = await loadSignOut();
    const [phone, laptop] = [await device(), await device()];
    const setCookie = expectSignedOut(await outcomeOf(() => signOut(phone.headers)), "signOut");
    expect(await sessionExists(phone.token), "🚨 signOut должен удалить строку сессии этого устройства, а не только стереть cookie").toBe(
      false,
    );
    expect(await userOf(phone.cookie), "🚨 скопированная до выхода cookie не должна открывать сессию").toBeNull();
    expect(await sessionExists(laptop.token), "🚨 signOut выходит только с этого устройства, другие сессии остаются").toBe(true);
    expectWiped(setCookie, "signOut");
  });

  it("signOutEverywhere(headers): после входа с двух устройств удаляет обе сессии и стирает cookie", async () => {
    const { signOutEverywhere } = await loadSignOut();
    const [phone, laptop] = [await device(), await device()];
    const setCookie = expectSignedOut(await outcomeOf(() => signOutEverywhere(laptop.headers)), "signOutEverywhere");
    expect(await sessionExists(laptop.token), "🚨 сессия этого устройства должна быть удалена").toBe(false);
    expect(await sessionExists(phone.token), "🚨 «выйти везде» должно удалить сессию и второго устройства").toBe(false);
    expect(await userOf(phone.cookie), "🚨 cookie второго устройства больше не должна давать пользователя").toBeNull();
    expectWiped(setCookie, "signOutEverywhere");
  });

  it("signOutEverywhere не трогает чужие сессии, а без сессии отказывает с UNAUTHORIZED", async () => {
    const { auth } = await loadAuth();
    const { signOutEverywhere } = await loadSignOut();
    // Another account, written by Better Auth's adapter: only its session matters here, not its password.
    const other = await (await auth.$context).internalAdapter.createUser({ email: uniqueEmail("neighbour"), name: "Соседка" }, { method: "admin" });
    const [theirs, mine] = [await device(other), await device()];
    expectSignedOut(await outcomeOf(() => signOutEverywhere(mine.headers)), "signOutEverywhere");
    expect(await sessionExists(mine.token), "🚨 signOutEverywhere должен удалить сессии вошедшего пользователя").toBe(false);
    expect(await sessionExists(theirs.token), "🚨 «выйти везде» удаляет сессии только этого пользователя").toBe(true);

    const refused = await outcomeOf(() => signOutEverywhere(new Headers()));
    expect(
      "result" in refused ? refused.result : `ошибка ${describeError(refused.thrown)}`,
      "🚨 без сессии signOutEverywhere должен вернуть { ok: false, code: \"UNAUTHORIZED\" }, а не бросать",
    ).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
    expect(await sessionExists(theirs.token), "🚨 запрос без сессии ничего не должен удалять").toBe(true);
  });

  it("если база не смогла удалить сессии, signOutEverywhere не сообщает ни об успехе, ни об «нужно войти»", async () => {
    const { signOutEverywhere } = await loadSignOut();
    const [phone, laptop] = [await device(), await device()];
    const allowDeletes = await refuseSessionDeletes(user.id);
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    let failed: Outcome;
    try {
      failed = await outcomeOf(() => signOutEverywhere(laptop.headers));
    } finally {
      quiet.mockRestore();
      await allowDeletes();
    }
    const result = "result" in failed ? failed.result : undefined;
    expect(result?.ok, "🚨 сессии не удалены, а signOutEverywhere сообщил об успехе: пробросьте сбой").not.toBe(true);
    expect(
      result?.ok === false ? result.code : undefined,
      "🚨 пользователь вошёл, сбой — в базе: не превращайте любую ошибку в UNAUTHORIZED. Ловите только APIError, остальное пробросьте",
    ).not.toBe("UNAUTHORIZED");
    expect(await sessionExists(phone.token), "🚨 база отказала в удалении, поэтому сессия второго устройства должна остаться").toBe(true);

    // The same call with a working database does sign out everywhere: the failure above was the database's.
    expectSignedOut(await outcomeOf(() => signOutEverywhere(laptop.headers)), "signOutEverywhere (база снова работает)");
    expect(await sessionExists(phone.token), "🚨 с работающей базой «выйти везде» удаляет обе сессии").toBe(false);
  });
});
