/** Where a sign-in lands when `next` is missing or points somewhere it must not. */
export const AFTER_SIGN_IN = "/dashboard";

/**
 * The page to return to after the sign-in: the proxy sends a visitor to
 * `/login?next=<path>`, and the login form redirects there once the password
 * checks out. Anyone can write a link with their own `next`.
 */
export function safeNext(next: string | null | undefined, appUrl: string): string {
  // TODO(bauth10): эта проверка строкой выглядит надёжной, но пропускает чужой сайт. Браузер читает адрес парсером URL:
  //   он выбрасывает табуляцию и переводы строк ("/\t/evil.example" → "//evil.example") и читает "\" как "/".
  //   Сделайте как браузер: target = new URL(next, appUrl) (не разобралось — AFTER_SIGN_IN);
  //   target.origin не равен origin приложения — AFTER_SIGN_IN; иначе верните путь: pathname + search + hash,
  //   но не путь, который начинается с "//" ("/.//evil.example" превращается именно в него).
  void appUrl;
  if (!next) return AFTER_SIGN_IN;
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : AFTER_SIGN_IN;
}
