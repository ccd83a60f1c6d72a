import type { BetterAuthPlugin } from "better-auth";

/**
 * Keeps users signed in across a secret rotation (README, «Что покрывает ротация»).
 */
export function previousSecretCookies() {
  // TODO(bauth13): Better Auth проверяет подпись cookie сессии только текущим секретом. Сделайте так, чтобы cookie,
  //   подписанная прежней версией из BETTER_AUTH_SECRETS, по-прежнему открывала свою сессию — и по HTTP, и в вызовах
  //   auth.api.* на сервере. Подпись, которую не делала ни одна версия из списка, должна отклоняться, как и раньше.
  return {
    id: "previous-secret-cookies",
  } satisfies BetterAuthPlugin;
}
