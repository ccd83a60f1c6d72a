import { createHash, createHmac } from "node:crypto";
import { expect } from "vitest";
import { APP_ORIGIN } from "./lab-environment.ts";

/** The subset of Better Auth's instance the graders drive: its fetch handler. */
export interface AuthHandler {
  handler(request: Request): Promise<Response>;
}

export interface ParsedCookie {
  name: string;
  value: string;
  /** Attribute names in lower case (`httponly`, `samesite`, `max-age`, ...), with their values. */
  attributes: Map<string, string>;
}

/** The header the labs' trusted proxy sets from bauth12 on (advanced.ipAddress.ipAddressHeaders). */
const CLIENT_ADDRESS_HEADER = "x-real-ip";

/**
 * One client address per test (in 198.18.0.0/15, the benchmarking range). From bauth12 on the
 * rate limiter counts requests per address in the database, so with one shared address a test
 * could be refused because of the requests another test made.
 */
function testClientAddress(): string {
  const { testPath = "", currentTestName = "" } = expect.getState();
  const digest = createHash("sha256").update(`${testPath}\0${currentTestName}`).digest();
  return `198.${18 + (digest[0]! & 1)}.${digest[1]!}.${1 + (digest[2]! % 254)}`;
}

/** A request as the browser on the app's own origin would send it. */
export function appRequest(
  path: string,
  init: { method?: string; body?: unknown; cookie?: string; origin?: string; headers?: Record<string, string> } = {},
): Request {
  const headers = new Headers(init.headers);
  headers.set("origin", init.origin ?? APP_ORIGIN);
  if (!headers.has(CLIENT_ADDRESS_HEADER)) headers.set(CLIENT_ADDRESS_HEADER, testClientAddress());
  if (init.cookie) headers.set("cookie", init.cookie);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  return new Request(new URL(path, APP_ORIGIN), {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

export function parseSetCookies(response: Response | Headers): ParsedCookie[] {
  const headers = response instanceof Headers ? response : response.headers;
  return headers.getSetCookie().map((line) => {
    const [pair = "", ...rest] = line.split(";");
    const eq = pair.indexOf("=");
    const attributes = new Map<string, string>();
    for (const part of rest) {
      const [key = "", ...value] = part.trim().split("=");
      attributes.set(key.toLowerCase(), value.join("="));
    }
    return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attributes };
  });
}

/** The session cookie Better Auth set, whatever its prefix (`better-auth.`, `__Secure-...`, a custom one). */
export function sessionCookie(response: Response | Headers): ParsedCookie | undefined {
  return parseSetCookies(response).find((cookie) => cookie.name.endsWith(".session_token"));
}

/** A `Cookie` request header that replays the cookies a response set, as a browser would. */
export function cookieHeader(response: Response | Headers): string {
  return parseSetCookies(response)
    .filter((cookie) => cookie.attributes.get("max-age") !== "0")
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join("; ");
}

/** The session token inside a signed cookie value (`token.signature`, URL-encoded). */
export function tokenOf(cookie: ParsedCookie): string {
  const decoded = decodeURIComponent(cookie.value);
  return decoded.slice(0, decoded.lastIndexOf("."));
}

/** Reads a JSON body without failing on an empty or non-JSON one, for clearer assertion messages. */
export async function readJson(response: Response): Promise<Record<string, unknown>> {
  const text = await response.clone().text();
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : { value };
  } catch {
    return { text };
  }
}

/** Response headers holding these `Set-Cookie` lines, for the helpers above that read a response's cookies. */
export function setCookieHeaders(lines: readonly string[]): Headers {
  const headers = new Headers();
  for (const line of lines) headers.append("set-cookie", line);
  return headers;
}

/**
 * A session cookie value as Better Auth signs it: `token.base64(HMAC-SHA256(secret, token))`,
 * URL-encoded. Lets a grader forge a well-formed cookie, or check the signature of a real one.
 */
export function signedCookieValue(token: string, secret: string): string {
  return encodeURIComponent(`${token}.${createHmac("sha256", secret).update(token).digest("base64")}`);
}
