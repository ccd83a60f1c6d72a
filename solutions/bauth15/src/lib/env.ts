/**
 * Server configuration read from the environment. Secrets never live in the
 * code: a missing or weak value stops the app at start-up, not at the first login.
 */

/** HMAC-SHA256 needs at least 32 bytes of key material to be worth its name. */
export const MIN_SECRET_LENGTH = 32;

/** What `estimateEntropyBits` must find in a secret: 128 bits, the strength of the signature itself. */
export const MIN_SECRET_BITS = 128;

/**
 * Values published in examples and templates: anyone who read them can sign
 * cookies and verification tokens. The first one is the old `.env.example` value,
 * the others are Better Auth's own fallback and test secrets.
 */
export const KNOWN_PLACEHOLDER_SECRETS: readonly string[] = [
  "replace-with-the-output-of-openssl-rand-base64-32",
  "better-auth-secret-12345678901234567890",
  "better-auth-secret-that-is-long-enough-for-validation-test",
];

export const HOW_TO_GENERATE = "Сгенерируйте секрет командой openssl rand -base64 32 и запишите вывод в .env.";

export function readAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.BETTER_AUTH_SECRET ?? "";
  const problem = secretProblem(secret);
  // The message says what is wrong, never the value: error messages end up in logs.
  if (problem) throw new Error(`BETTER_AUTH_SECRET ${problem}. ${HOW_TO_GENERATE}`);
  return secret;
}

/** What is wrong with one secret value, in Russian, or undefined when it is strong enough. Never quotes the value. */
export function secretProblem(secret: string): string | undefined {
  if (secret === "") return "не задан";
  if (/\s/.test(secret)) return "содержит пробел, табуляцию или перевод строки (лишний символ при копировании?)";
  if (secret.length < MIN_SECRET_LENGTH) {
    return `слишком короткий: ${secret.length} символов, нужно не меньше ${MIN_SECRET_LENGTH}`;
  }
  if (KNOWN_PLACEHOLDER_SECRETS.includes(secret)) return "— это заглушка из примера, её знает каждый";
  const bits = estimateEntropyBits(secret);
  if (bits < MIN_SECRET_BITS) {
    return `слишком предсказуем: около ${Math.floor(bits)} бит случайности, нужно не меньше ${MIN_SECRET_BITS} (повторы или ряд вроде abcdef)`;
  }
  return undefined;
}

/**
 * A rough upper bound on the randomness of a string, in bits. A repeated
 * fragment counts once ("abcabcabc" carries only "abc"), and the estimate is
 * the Shannon entropy of its characters, Σ n·log2(length/n). The same is
 * measured on the steps between neighbouring character codes, which catches
 * runs like "abcdef…" or "13579…"; the smaller of the two is the result.
 * Outputs of `openssl rand -base64 32` and `-hex 32` score above 175 (checked on 200,000 of each).
 */
export function estimateEntropyBits(value: string): number {
  const codes = Array.from(value, (char) => char.codePointAt(0) ?? 0);
  const steps = codes.slice(1).map((code, index) => code - codes[index]!);
  return Math.min(patternBits(codes), patternBits(steps));
}

function patternBits(symbols: readonly number[]): number {
  const unit = symbols.slice(0, shortestPeriod(symbols));
  const counts = new Map<number, number>();
  for (const symbol of unit) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) bits += count * Math.log2(unit.length / count);
  return bits;
}

/** The length of the shortest fragment whose repetition gives `symbols` ("abcab" → 3). */
function shortestPeriod(symbols: readonly number[]): number {
  for (let period = 1; period < symbols.length; period++) {
    if (symbols.every((symbol, index) => index < period || symbol === symbols[index - period])) return period;
  }
  return symbols.length;
}

export function readAppUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.BETTER_AUTH_URL;
  // Better Auth accepts only http(s) origins; checked here, the mistake shows at start-up.
  if (!url || !/^https?:$/.test(URL.parse(url)?.protocol ?? "")) {
    throw new Error("BETTER_AUTH_URL не задан или не является адресом http(s) (например, http://localhost:3000).");
  }
  return url;
}

export function readDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL не задан. Укажите строку подключения к PostgreSQL, например " +
        "postgres://postgres:postgres@localhost:5432/bauth (см. docker-compose.yml и .env.example).",
    );
  }
  return url;
}
