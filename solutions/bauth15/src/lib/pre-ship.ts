import type { BetterAuthOptions } from "better-auth";
import { getCookies } from "better-auth/cookies";
import { secretProblem } from "./env";

/**
 * The pre-ship checklist as code: what is wrong with this Better Auth
 * configuration for a production deployment, one Russian line per problem,
 * each naming the option to fix. An empty list means ready to ship. It reads
 * the options the instance was built with (auth.options) and the environment
 * the app runs in; it never prints a secret.
 */
export function preShipProblems(options: BetterAuthOptions, env: NodeJS.ProcessEnv = process.env): string[] {
  return [...cookieProblems(options, env), ...secretProblems(options, env), ...rateLimitProblems(options), ...originProblems(options)];
}

function cookieProblems(options: BetterAuthOptions, env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const baseURL = typeof options.baseURL === "string" ? options.baseURL : env.BETTER_AUTH_URL;
  if (URL.parse(baseURL ?? "")?.protocol !== "https:") {
    problems.push("baseURL (BETTER_AUTH_URL) — не https: cookie сессии уходят открытым текстом. Укажите адрес https://…");
  }
  // Better Auth's own cookie names for these options: "__Secure-" only when the cookies are Secure.
  if (!getCookies(options).sessionToken.name.startsWith("__Secure-")) {
    problems.push("cookie сессии без префикса __Secure- и без Secure: не выключайте advanced.useSecureCookies и задайте baseURL по https.");
  }
  return problems;
}

function secretProblems(options: BetterAuthOptions, env: NodeJS.ProcessEnv): string[] {
  const fromEnv = new Set<string>();
  if (env.BETTER_AUTH_SECRET) fromEnv.add(env.BETTER_AUTH_SECRET);
  for (const entry of (env.BETTER_AUTH_SECRETS ?? "").split(",")) {
    const colon = entry.indexOf(":");
    if (colon !== -1) fromEnv.add(entry.slice(colon + 1));
  }
  // Without secret/secrets in the options Better Auth takes the environment's own value.
  const configured = options.secrets?.map((secret) => secret.value) ?? (options.secret ? [options.secret] : [...fromEnv]);
  if (configured.length === 0) return ["secret: секрет не задан. Задайте BETTER_AUTH_SECRET (или BETTER_AUTH_SECRETS) в окружении."];
  const problems: string[] = [];
  // A value that is not in the environment was written into the code: it sits in git and in every copy of it.
  if (configured.some((value) => !fromEnv.has(value))) {
    problems.push("secret / secrets: секрет записан в коде, а не взят из окружения. Читайте его из BETTER_AUTH_SECRET (BETTER_AUTH_SECRETS).");
  }
  if (configured.some((value) => secretProblem(value) !== undefined)) {
    problems.push("secret / secrets: секрет слабый (короткий, заглушка или предсказуемый). Сгенерируйте новый: openssl rand -base64 32.");
  }
  return problems;
}

function rateLimitProblems(options: BetterAuthOptions): string[] {
  const limit = options.rateLimit;
  // Better Auth's defaults: on in production, counters in memory unless a secondary storage is configured.
  if (limit?.enabled === false) return ["rateLimit.enabled: ограничение запросов выключено, пароли можно перебирать. Уберите enabled: false."];
  const storage = limit?.storage ?? (options.secondaryStorage ? "secondary-storage" : "memory");
  const shared = limit?.customStorage !== undefined || storage === "database" || (storage === "secondary-storage" && options.secondaryStorage !== undefined);
  if (shared) return [];
  return ['rateLimit.storage: счётчики в памяти процесса — каждый экземпляр и каждый перезапуск считают заново. Укажите storage: "database" или secondaryStorage.'];
}

function originProblems(options: BetterAuthOptions): string[] {
  const problems: string[] = [];
  const origins = options.trustedOrigins;
  if (origins === undefined || (Array.isArray(origins) && origins.length === 0)) {
    problems.push("trustedOrigins не заданы: перечислите origin-ы, с которых приложение принимает запросы (хотя бы адрес самого приложения).");
  } else if (Array.isArray(origins) && origins.includes("*")) {
    problems.push("trustedOrigins содержит «*»: так проверка Origin пропускает любой сайт. Перечислите свои origin-ы.");
  }
  if (options.advanced?.disableCSRFCheck) problems.push("advanced.disableCSRFCheck включён: уберите его, иначе чужие сайты смогут слать запросы от имени пользователя.");
  if (options.advanced?.disableOriginCheck === true) problems.push("advanced.disableOriginCheck включён: уберите его, иначе Better Auth не проверяет Origin и callbackURL.");
  return problems;
}
