import type { BetterAuthPlugin } from "better-auth";

export const SESSION_NOT_FRESH_MESSAGE =
  "Для этого действия войдите заново: сменить пароль или email можно только в течение 10 минут после входа.";

/**
 * The course's own Better Auth plugin for actions that take over an account
 * if a stolen session may call them: changing the password and the email.
 * Better Auth guards those endpoints with a valid session, not a fresh one.
 */
export function sensitiveActions() {
  return {
    id: "sensitive-actions",
    // TODO(bauth14): добавьте хук before, который срабатывает на /change-password и /change-email —
    //   и для запросов к HTTP-обработчику, и для вызовов auth.api.*:
    //   - сессия не свежая (вход был freshAge секунд назад или раньше) → 403 с кодом SESSION_NOT_FRESH
    //     и сообщением SESSION_NOT_FRESH_MESSAGE;
    //   - смена пароля всегда завершает все остальные сессии, даже если клиент об этом не просил.
  } satisfies BetterAuthPlugin;
}
