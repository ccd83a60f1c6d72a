import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { readJson, type AuthHandler } from "./support/http.ts";
import { setupLab, APP_ORIGIN, type LabEnvironment } from "./support/lab-environment.ts";
import { importGraph, packageOf } from "./support/module-graph.ts";
import { trpcRequest } from "./support/trpc.ts";
import { signUpUser, uniqueEmail, type TestUser } from "./support/users.ts";

// The contracts of labs/bauth07/src/server/{trpc,context,routers/app}.ts, as the README states them.
type CurrentUser = { id: string; email: string; name: string; role: string };
type Context = { user: CurrentUser | null };
type CreateContext = (options: { req: Request }) => Promise<Context>;
type Note = { id: string; ownerId: string; title: string; body: string };
type Caller = {
  me(): Promise<CurrentUser>;
  notes: {
    create(input: { title: string; body: string; ownerId?: string }): Promise<Note>;
    byId(input: { id: string }): Promise<Note>;
    list(): Promise<Note[]>;
  };
};
type AppRouter = { createCaller(ctx: Context): Caller };

const ROUTER_FILE = "src/server/routers/app.ts";
const ROUTE_FILE = "src/app/api/trpc/[trpc]/route.ts";
const FOREIGN_ORIGIN = "http://evil.example";
const AUTH_MODULE = "src/lib/auth.ts";
let lab: LabEnvironment;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  lab = await setupLab("bauth07");
  const { auth } = await lab.load<{ auth: AuthHandler }>(AUTH_MODULE, { auth: "object" });
  // Two real accounts: notes reference users, and the HTTP tests need real session cookies.
  [alice, bob] = await Promise.all([
    signUpUser(auth, { email: uniqueEmail("alice"), name: "Алиса" }),
    signUpUser(auth, { email: uniqueEmail("bob"), name: "Боб" }),
  ]);
});

const loadTrpc = () => lab.load<{ createContextFactory: (deps: { getUser(headers: Headers): Promise<CurrentUser | null> }) => CreateContext }>(
  "src/server/trpc.ts",
  { createContextFactory: "function" },
);
const loadRouter = async () => (await lab.load<{ appRouter: AppRouter }>(ROUTER_FILE, { appRouter: "object" })).appRouter;
const loadContext = async () => (await lab.load<{ createContext: CreateContext }>("src/server/context.ts", { createContext: "function" })).createContext;

const asCurrentUser = (user: TestUser): CurrentUser => ({ id: user.id, email: user.email, name: user.name, role: "USER" });
const request = (cookie?: string) => new Request(new URL("/api/trpc/me", APP_ORIGIN), cookie ? { headers: { cookie } } : {});

/** A caller whose context comes from a stub: the point of dependency injection is that a test can do this. */
async function callerAs(user: CurrentUser | null): Promise<Caller> {
  const { createContextFactory } = await loadTrpc();
  const ctx = await createContextFactory({ getUser: async () => user })({ req: request() });
  // Checked here, so a test of the router never fails on someone else's TypeError from a context without a user.
  expect(ctx?.user ?? null, "🚨 createContextFactory должна класть в ctx.user то, что вернул deps.getUser (src/server/trpc.ts)").toEqual(user);
  return (await loadRouter()).createCaller(ctx);
}

type RouteHandler = (request: Request) => Promise<Response>;
const loadRoute = () => lab.load<{ GET: RouteHandler; POST: RouteHandler }>(ROUTE_FILE, { GET: "function", POST: "function" });

/**
 * notes.create as a page sends it to the real route (src/app/api/trpc/[trpc]/route.ts): a JSON POST with the
 * victim's cookie and the page headers the test gives (Origin, Referer or neither).
 */
async function createNoteThroughRoute(title: string, cookie: string, page: { origin?: string; referer?: string }) {
  const { POST } = await loadRoute();
  const headers = new Headers({ cookie, "content-type": "application/json" });
  if (page.origin !== undefined) headers.set("origin", page.origin);
  if (page.referer !== undefined) headers.set("referer", page.referer);
  const response = await POST(new Request(new URL("/api/trpc/notes.create", APP_ORIGIN), { method: "POST", headers, body: JSON.stringify({ title }) }));
  const body = await readJson(response);
  const { rows } = await lab.sql.query(`select id from notes where title = $1`, [title]);
  const error = body.error as { message?: unknown; data?: { code?: unknown } } | undefined;
  return { status: response.status, code: error?.data?.code, message: String(error?.message ?? ""), created: rows.length > 0 };
}

const page = (values: { origin?: string; referer?: string }) =>
  values.origin !== undefined ? `Origin: ${values.origin}` : values.referer !== undefined ? `Referer: ${values.referer} без Origin` : "без Origin и Referer";

/** A refused cross-site write: 403 FORBIDDEN, a Russian message, and no row. */
function expectRefused(call: Awaited<ReturnType<typeof createNoteThroughRoute>>, what: string): void {
  expect(call.created, `🚨 ${what}: заметка создана, а запрос с чужой страницы должен быть отклонён до tRPC (src/server/same-origin.ts)`).toBe(false);
  expect([call.status, call.code], `🚨 ${what}: route.ts должен ответить 403 FORBIDDEN`).toEqual([403, "FORBIDDEN"]);
  expect(call.message, `🚨 ${what}: в ответе нужно русское сообщение об отказе`).toMatch(/[А-Яа-яЁё]/);
}

/** The main path, checked before every refusal: the app's own page does create the note. */
async function expectOwnPageWorks(cookie: string, headers: { origin?: string; referer?: string }): Promise<void> {
  const call = await createNoteThroughRoute(`своя-${randomUUID()}`, cookie, headers);
  expect(
    [call.status, call.created],
    `🚨 notes.create со своей страницы (${page(headers)}) должен создать заметку и ответить 200, а ответил ${call.status} ${String(call.code ?? "")}. ` +
      "Свой origin берётся из BETTER_AUTH_URL; проверьте и src/server/context.ts.",
  ).toEqual([200, true]);
}

/** Calls the real fetch adapter with the lab's router and its real createContext (Better Auth behind it). */
async function http(path: string, init: Parameters<typeof trpcRequest>[2] = {}) {
  return trpcRequest({ router: await loadRouter(), createContext: await loadContext() }, path, init);
}

async function trpcCode(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    (value) => `OK ${JSON.stringify(value)}`,
    (error: unknown) => String((error as { code?: unknown }).code ?? error),
  );
}

describe("bauth07 «Пользователь в контексте tRPC»", () => {
  it("createContextFactory передаёт getUser заголовки запроса и кладёт результат в ctx.user", async () => {
    const { createContextFactory } = await loadTrpc();
    const seen: Headers[] = [];
    const stub = asCurrentUser(alice);
    const ctx = await createContextFactory({
      getUser: async (headers) => {
        seen.push(headers);
        return stub;
      },
    })({ req: request("session=abc") });
    expect(seen[0]?.get("cookie"), "🚨 createContext должен вызвать deps.getUser(req.headers)").toBe("session=abc");
    expect(ctx?.user, "🚨 ctx.user — пользователь, которого вернул getUser").toEqual(stub);
  });

  it("me через createCaller возвращает пользователя из контекста", async () => {
    const caller = await callerAs(asCurrentUser(alice));
    expect(await caller.me(), "🚨 me должен вернуть ctx.user").toEqual(asCurrentUser(alice));
  });

  it("анонимный вызов защищённых процедур (me, notes.list) даёт TRPCError UNAUTHORIZED", async () => {
    const caller = await callerAs(null);
    expect(await trpcCode(caller.me()), "🚨 protectedProcedure без ctx.user должен бросать TRPCError UNAUTHORIZED").toBe("UNAUTHORIZED");
    expect(await trpcCode(caller.notes.list()), "🚨 notes.list без входа — тоже UNAUTHORIZED").toBe("UNAUTHORIZED");
  });

  it("по HTTP (fetchRequestHandler) с cookie настоящего входа me возвращает этого пользователя", async () => {
    const call = await http("me", { cookie: alice.cookie });
    expect(
      call.status,
      `🚨 /api/trpc/me с cookie сессии должен ответить 200, а ответил ${call.status} ${JSON.stringify(call.body)}. ` +
        "Подключён ли настоящий getCurrentUser в src/server/context.ts?",
    ).toBe(200);
    expect(call.data, "🚨 me — пользователь из сессии").toEqual(asCurrentUser(alice));
  });

  it("по HTTP без cookie и с поддельной cookie me отвечает 401 UNAUTHORIZED", async () => {
    for (const cookie of [undefined, "better-auth.session_token=forged.signature"]) {
      const call = await http("me", cookie ? { cookie } : {});
      expect([call.status, call.code], `🚨 аноним (${cookie ?? "без cookie"}) должен получить 401 UNAUTHORIZED`).toEqual([401, "UNAUTHORIZED"]);
    }
  });

  it("чужая заметка по HTTP даёт 403 FORBIDDEN, а владелец читает её", async () => {
    const created = await http("notes.create", { type: "mutation", cookie: alice.cookie, input: { title: "Секрет Алисы", body: "не для Боба" } });
    expect(
      [created.status, created.code],
      "🚨 notes.create с cookie Алисы должен создать заметку (200). Подключён ли getCurrentUser в src/server/context.ts?",
    ).toEqual([200, undefined]);
    const id = (created.data as Note).id;
    const foreign = await http("notes.byId", { cookie: bob.cookie, input: { id } });
    expect([foreign.status, foreign.code], "🚨 чужая заметка: слой доступа должен ответить FORBIDDEN (403)").toEqual([403, "FORBIDDEN"]);
    expect(JSON.stringify(foreign.body), "🚨 в ответе с отказом не должно быть содержимого заметки").not.toContain("не для Боба");
    const own = await http("notes.byId", { cookie: alice.cookie, input: { id } });
    expect([own.status, (own.data as Note | undefined)?.title], "🚨 владелец должен читать свою заметку").toEqual([200, "Секрет Алисы"]);
  });

  it("несуществующая заметка даёт NOT_FOUND, а не FORBIDDEN и не пустой ответ", async () => {
    const caller = await callerAs(asCurrentUser(bob));
    expect(await trpcCode(caller.notes.byId({ id: randomUUID() })), "🚨 заметки с таким id нет: нужен TRPCError NOT_FOUND").toBe("NOT_FOUND");
  });

  it("notes.list возвращает только заметки вошедшего пользователя", async () => {
    const asAlice = await callerAs(asCurrentUser(alice));
    const asBob = await callerAs(asCurrentUser(bob));
    const note = await asAlice.notes.create({ title: "Список Алисы", body: "" });
    const bobs = await asBob.notes.list();
    expect(bobs.map((item) => item.id), "🚨 в списке Боба не должно быть заметок Алисы").not.toContain(note.id);
    expect((await asAlice.notes.list()).map((item) => item.id), "🚨 в списке Алисы должна быть её заметка").toContain(note.id);
  });

  it("владелец новой заметки берётся из контекста: ownerId во вводе ничего не меняет", async () => {
    const caller = await callerAs(asCurrentUser(bob));
    const note = await caller.notes.create({ title: "Подброс", body: "", ownerId: alice.id });
    const { rows } = await lab.sql.query(`select owner_id from notes where id = $1`, [note.id]);
    expect(rows[0]?.owner_id, "🚨 клиент не должен выбирать владельца заметки: ownerId = ctx.user.id").toBe(bob.id);
  });

  it("роутер и tRPC-слой работают без Better Auth: пользователь приходит через deps, а src/lib/auth.ts они не импортируют ни напрямую, ни через другие модули", async () => {
    // The main path first: with a stub instead of Better Auth the router already knows the user.
    expect(await (await callerAs(asCurrentUser(bob))).me(), "🚨 me с заглушкой getUser должен вернуть её пользователя").toEqual(asCurrentUser(bob));
    for (const file of [ROUTER_FILE, "src/server/trpc.ts"]) {
      const graph = await importGraph("bauth07", file);
      const auth = graph.files.filter((path) => path.endsWith(AUTH_MODULE));
      expect(auth, `🚨 ${file} загружает ${AUTH_MODULE}. Пользователь должен приходить через ctx (createContextFactory), а не через импорт auth`).toEqual([]);
      expect(
        graph.packages.map(packageOf),
        `🚨 ${file} загружает пакет better-auth: tRPC-слой не должен знать, как устроена аутентификация`,
      ).not.toContain("better-auth");
    }
  });

  it("route.ts отклоняет мутацию с чужой страницы: 403 FORBIDDEN с русским сообщением, заметка не создаётся; со своего Origin — создаётся, а GET-запросы проверка не трогает", async () => {
    await expectOwnPageWorks(alice.cookie, { origin: APP_ORIGIN });
    // Another site, another port of localhost (same-site: SameSite=Lax sends the cookie), a look-alike host, an opaque origin.
    for (const origin of [FOREIGN_ORIGIN, "http://localhost:3001", "https://localhost:3000", "http://localhost:30001", "null"]) {
      expectRefused(await createNoteThroughRoute(`чужая-${randomUUID()}`, alice.cookie, { origin }), `Origin: ${origin}`);
    }
    // Queries change nothing: a GET keeps working from anywhere (CORS keeps its answer from a foreign page), and without Origin.
    const { GET } = await loadRoute();
    for (const origin of [FOREIGN_ORIGIN, undefined]) {
      const headers = new Headers({ cookie: alice.cookie });
      if (origin) headers.set("origin", origin);
      const response = await GET(new Request(new URL("/api/trpc/me", APP_ORIGIN), { headers }));
      expect(response.status, `🚨 GET /api/trpc/me (${origin ? `Origin: ${origin}` : "без Origin"}) — чтение: проверка Origin касается только изменяющих запросов`).toBe(200);
    }
  });

  it("без заголовка Origin решает Referer: чужой Referer и запрос без Origin и Referer отклоняются, свой Referer проходит", async () => {
    await expectOwnPageWorks(alice.cookie, { referer: `${APP_ORIGIN}/dashboard` });
    for (const headers of [{ referer: `${FOREIGN_ORIGIN}/page` }, { referer: "http://localhost:30001/dashboard" }, {}]) {
      expectRefused(await createNoteThroughRoute(`без-origin-${randomUUID()}`, alice.cookie, headers), page(headers));
    }
  });
});
