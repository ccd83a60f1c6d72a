// TODO(bauth10): отдайте через этот catch-all маршрут все эндпоинты Better Auth (/api/auth/*):
//   GET и POST — обработчики, которые Better Auth делает для Next.js из экземпляра auth (../../../../lib/auth).
//   Заглушку ниже удалите.
async function notConnected(_request: Request): Promise<Response> {
  return new Response("Better Auth ещё не подключён (TODO bauth10)", { status: 501 });
}

export { notConnected as GET, notConnected as POST };
