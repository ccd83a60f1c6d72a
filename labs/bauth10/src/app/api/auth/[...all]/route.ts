// TODO(bauth10): отдайте все эндпоинты Better Auth (/api/auth/*) через этот catch-all маршрут:
//   import { toNextJsHandler } from "better-auth/next-js";
//   export const { GET, POST } = toNextJsHandler(auth);   (auth — из ../../../../lib/auth)
//   Заглушку ниже удалите.
async function notConnected(_request: Request): Promise<Response> {
  return new Response("Better Auth ещё не подключён (TODO bauth10)", { status: 501 });
}

export { notConnected as GET, notConnected as POST };
