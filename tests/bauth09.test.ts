import type { Auth } from "better-auth";
import { beforeAll, describe, expect, it } from "vitest";
import { appRequest, readJson, sessionCookie, type AuthHandler } from "./support/http.ts";
import { setupLab, type LabEnvironment } from "./support/lab-environment.ts";
import { openSession, type OpenedSession } from "./support/sessions.ts";
import { signUpUser, type TestUser } from "./support/users.ts";

const FOREIGN_ORIGIN = "https://evil.example";

type SignOutResult = { ok: true; setCookie: string[] } | { ok: false; code: string; message: string };
type SignOutFn = (headers: Headers) => Promise<SignOutResult>;

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

function headersOf(lines: string[]): Headers {
  const headers = new Headers();
  for (const line of lines) headers.append("set-cookie", line);
  return headers;
}

describe("bauth09 «Logout»", () => {
  it("POST /api/auth/sign-out удаляет строку сессии и отвечает Set-Cookie с Max-Age=0", async () => {
    const { auth } = await loadAuth();
    const phone = await device();
    const response = await auth.handler(appRequest("/api/auth/sign-out", { method: "POST", cookie: phone.cookie }));
    expect(response.status, `🚨 выход со своего origin должен пройти: ${JSON.stringify(await readJson(response))}`).toBe(200);
    expect(await sessionExists(phone.token), "🚨 после выхода строка сессии должна исчезнуть из sessions").toBe(false);
    const wiped = sessionCookie(response);
    expect(wiped?.attributes.get("max-age"), "🚨 ответ на выход должен стирать cookie сессии: Max-Age=0").toBe("0");
    expect(wiped?.value, "🚨 в стёртой cookie не должно остаться токена").toBe("");
  });

  it("старая cookie после выхода больше не даёт пользователя, даже если прислать её снова", async () => {
    const { auth } = await loadAuth();
    const laptop = await device();
    await auth.handler(appRequest("/api/auth/sign-out", { method: "POST", cookie: laptop.cookie }));
    expect(await userOf(laptop.cookie), "🚨 скопированная до выхода cookie не должна открывать сессию").toBeNull();
  });

  it("POST на выход с чужого Origin отклоняется: 403 INVALID_ORIGIN, а сессия остаётся", async () => {
    const { auth } = await loadAuth();
    const tablet = await device();
    const forged = await auth.handler(
      appRequest("/api/auth/sign-out", { method: "POST", cookie: tablet.cookie, origin: FOREIGN_ORIGIN }),
    );
    expect(
      forged.status,
      "🚨 чужой сайт не должен уметь выполнить выход с cookie пользователя. Включите проверку Origin: advanced.disableOriginCheck: false",
    ).toBe(403);
    expect((await readJson(forged)).code, "🚨 Better Auth отвечает кодом INVALID_ORIGIN").toBe("INVALID_ORIGIN");
    expect(await sessionExists(tablet.token), "🚨 после отклонённого запроса сессия должна остаться").toBe(true);
    expect(await userOf(tablet.cookie), "🚨 cookie пользователя должна по-прежнему работать").not.toBeNull();
  });

  it("signOut(headers) завершает только эту сессию и возвращает Set-Cookie, который стирает cookie", async () => {
    const { signOut } = await loadSignOut();
    const [phone, laptop] = [await device(), await device()];
    const result = await signOut(phone.headers);
    expect(result.ok, "🚨 signOut должен вернуть { ok: true, setCookie }").toBe(true);
    expect(await sessionExists(phone.token), "🚨 signOut должен удалить строку сессии этого устройства").toBe(false);
    expect(await sessionExists(laptop.token), "🚨 signOut выходит только с этого устройства, другие сессии остаются").toBe(true);
    const wiped = result.ok ? sessionCookie(headersOf(result.setCookie)) : undefined;
    expect(wiped?.attributes.get("max-age"), "🚨 setCookie должен стирать cookie сессии (Max-Age=0)").toBe("0");
  });

  it("signOutEverywhere(headers): после входа с двух устройств удаляет обе сессии и стирает cookie", async () => {
    const { signOutEverywhere } = await loadSignOut();
    const [phone, laptop] = [await device(), await device()];
    const result = await signOutEverywhere(laptop.headers);
    expect(result.ok, `🚨 signOutEverywhere должен вернуть { ok: true, setCookie }: ${JSON.stringify(result)}`).toBe(true);
    expect(await sessionExists(laptop.token), "🚨 сессия этого устройства должна быть удалена").toBe(false);
    expect(await sessionExists(phone.token), "🚨 «выйти везде» должно удалить сессию и второго устройства").toBe(false);
    expect(await userOf(phone.cookie), "🚨 cookie второго устройства больше не должна давать пользователя").toBeNull();
    const wiped = result.ok ? sessionCookie(headersOf(result.setCookie)) : undefined;
    expect(wiped?.attributes.get("max-age"), "🚨 setCookie должен стирать cookie сессии (Max-Age=0)").toBe("0");
  });

  it("signOutEverywhere не трогает чужие сессии, а без сессии отказывает с UNAUTHORIZED", async () => {
    const { auth } = await loadAuth();
    const { signOutEverywhere } = await loadSignOut();
    const other = await signUpUser(auth, { name: "Соседка" });
    const [theirs, mine] = [await device(other), await device()];
    await signOutEverywhere(mine.headers);
    expect(await sessionExists(theirs.token), "🚨 «выйти везде» удаляет сессии только этого пользователя").toBe(true);

    const refused = await signOutEverywhere(new Headers());
    expect(refused, "🚨 без сессии signOutEverywhere должен вернуть { ok: false, code: \"UNAUTHORIZED\" }").toMatchObject({
      ok: false,
      code: "UNAUTHORIZED",
    });
    expect(await sessionExists(theirs.token), "🚨 запрос без сессии ничего не должен удалять").toBe(true);
  });
});
