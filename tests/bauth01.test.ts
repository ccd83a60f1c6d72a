import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { appRequest, readJson, sessionCookie, signedCookieValue, tokenOf, type AuthHandler } from "./support/http.ts";
import { setupLab, type LabEnvironment } from "./support/lab-environment.ts";

const AUTH_FILE = "src/lib/auth.ts";
let lab: LabEnvironment;

beforeAll(async () => {
  // bauth01 has no database yet: Better Auth keeps users in memory.
  lab = await setupLab("bauth01", { database: false });
});

function loadAuth(): Promise<{ auth: AuthHandler }> {
  return lab.load<{ auth: AuthHandler }>(AUTH_FILE, { auth: "object" });
}

async function signUpAndGetCookie(auth: AuthHandler) {
  const response = await auth.handler(
    appRequest("/api/auth/sign-up/email", {
      body: { name: "Анна", email: `anna-${randomBytes(3).toString("hex")}@example.ru`, password: "correct-horse-battery" },
    }),
  );
  return { response, cookie: sessionCookie(response) };
}

describe("bauth01 «Инициализация Better Auth»", () => {
  it("экспортирует auth, и обработчик отвечает на GET /api/auth/ok", async () => {
    const { auth } = await loadAuth();
    const response = await auth.handler(appRequest("/api/auth/ok"));
    expect(response.status, "🚨 GET /api/auth/ok должен отвечать 200").toBe(200);
    expect(await readJson(response)).toEqual({ ok: true });
  });

  it("включает вход по email и паролю: регистрация возвращает пользователя и cookie сессии", async () => {
    const { auth } = await loadAuth();
    const { response, cookie } = await signUpAndGetCookie(auth);
    expect(response.status, `🚨 регистрация не прошла: ${JSON.stringify(await readJson(response))}. Включён ли emailAndPassword?`).toBe(200);
    expect(cookie, "🚨 после регистрации Better Auth должен выставить cookie сессии").toBeDefined();
  });

  it("подписывает cookie секретом из BETTER_AUTH_SECRET: разные секреты дают разные подписи", async () => {
    const secrets = [randomBytes(32).toString("base64url"), randomBytes(32).toString("base64url")];
    for (const [index, secret] of secrets.entries()) {
      lab.reloadWith({ BETTER_AUTH_SECRET: secret });
      const { auth } = await loadAuth();
      const { cookie } = await signUpAndGetCookie(auth);
      expect(cookie, "🚨 после регистрации должен прийти cookie сессии").toBeDefined();
      const token = tokenOf(cookie!);
      expect(cookie!.value, "🚨 подпись cookie должна быть HMAC токена на секрете из BETTER_AUTH_SECRET").toBe(
        signedCookieValue(token, secret),
      );
      expect(cookie!.value, "🚨 подпись не должна совпадать с подписью на другом секрете").not.toBe(
        signedCookieValue(token, secrets[1 - index]!),
      );
    }
  });

  it("не запускается без BETTER_AUTH_SECRET и называет эту переменную в ошибке", async () => {
    lab.reloadWith({ BETTER_AUTH_SECRET: undefined });
    expect(await lab.importError(AUTH_FILE), "🚨 без секрета импорт auth.ts должен падать с понятной ошибкой").toMatch(
      /BETTER_AUTH_SECRET/,
    );
  });

  it("не запускается с секретом короче 32 символов", async () => {
    lab.reloadWith({ BETTER_AUTH_SECRET: "short-secret-of-31-characters!!" });
    expect(await lab.importError(AUTH_FILE), "🚨 слабый секрет должен останавливать запуск").toMatch(/BETTER_AUTH_SECRET/);
  });

  it("принимает секрет ровно из 32 символов", async () => {
    lab.reloadWith({ BETTER_AUTH_SECRET: "s".repeat(16) + "0123456789abcdef" });
    expect(await lab.importError(AUTH_FILE), "🚨 секрет из 32 символов допустим").toBeUndefined();
  });
});
