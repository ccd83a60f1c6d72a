// Not lab code: the deck's example app, a library (readers borrow books), written for the
// slides so that they teach Better Auth's API without showing a lab's answer.

/** The value of an environment variable; the app refuses to start without it. */
export function requireEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (!value) throw new Error(`${name} не задан: добавьте его в .env.`);
  return value;
}
