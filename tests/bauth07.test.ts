import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuthHandler } from "./support/http.ts";
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
  return (await loadRouter()).createCaller(ctx);
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

describe("bauth07 «Передача user в context»", () => {
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
    expect(created.status, `🚨 notes.create не сработал: ${JSON.stringify(created.body)}`).toBe(200);
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

  it("роутер и tRPC-слой не импортируют src/lib/auth.ts — ни напрямую, ни через другие модули", async () => {
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
});
