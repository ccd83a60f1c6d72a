import { parseSetCookies, type ParsedCookie } from "./http.ts";

/**
 * What a browser does with Set-Cookie lines, for graders that follow a user
 * across several requests (sign-in, navigation, sign-out).
 */
export class CookieJar {
  readonly #cookies = new Map<string, string>();

  /** Keeps the cookies a response set and forgets the ones it expired (Max-Age=0 or an empty value). */
  store(response: Response | Headers): void {
    for (const cookie of parseSetCookies(response)) {
      if (cookie.attributes.get("max-age") === "0" || cookie.value === "") this.#cookies.delete(cookie.name);
      else this.#cookies.set(cookie.name, cookie.value);
    }
  }

  /** The `Cookie` request header the browser sends next ("" when the jar is empty). */
  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  names(): string[] {
    return [...this.#cookies.keys()];
  }
}

/**
 * Why a browser would refuse to store this cookie when `origin` sets it, or
 * undefined when it stores it. The rules of RFC 6265bis: a `Secure` cookie
 * needs a secure (https) page (Safari applies this to http://localhost too),
 * `__Secure-` requires `Secure`, `__Host-` requires `Secure`, `Path=/` and no
 * `Domain`, and `SameSite=None` requires `Secure`.
 */
export function browserRefusal(cookie: ParsedCookie, origin: string): string | undefined {
  const secureOrigin = new URL(origin).protocol === "https:";
  const secure = cookie.attributes.has("secure");
  const name = cookie.name.toLowerCase();
  if (secure && !secureOrigin) return `cookie с флагом Secure не сохранится на ${origin}: страница открыта по http`;
  if (name.startsWith("__secure-") && !secure) return "cookie с префиксом __Secure- обязана иметь флаг Secure";
  if (name.startsWith("__host-")) {
    if (!secure) return "cookie с префиксом __Host- обязана иметь флаг Secure";
    if (cookie.attributes.get("path") !== "/") return "cookie с префиксом __Host- обязана иметь Path=/";
    if (cookie.attributes.has("domain")) return "cookie с префиксом __Host- не может иметь Domain";
  }
  if (cookie.attributes.get("samesite")?.toLowerCase() === "none" && !secure) return "SameSite=None без Secure браузер отвергает";
  return undefined;
}
