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
  //   Проверяйте так же, как браузер: разберите next относительно appUrl и оставьте только адрес на origin
  //   приложения, отданный путём (не путь, который начинается с "//"). Всё остальное — AFTER_SIGN_IN.
  void appUrl;
  if (!next) return AFTER_SIGN_IN;
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : AFTER_SIGN_IN;
}
