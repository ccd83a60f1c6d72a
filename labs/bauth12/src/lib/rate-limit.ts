// TODO(bauth12): ограничение попыток входа.
//   - Выберите, сколько попыток входа с одного адреса разрешено и за какое окно (границы — в README).
//   - Опишите здесь (или прямо в src/lib/auth.ts) настройки ограничителя Better Auth и то, откуда он берёт
//     адрес клиента, и подключите их в src/lib/auth.ts.

/** Sign-in requests one client address may send per window; the next one is refused. */
export const SIGN_IN_MAX_ATTEMPTS: number = 0;
/** The window, in seconds. */
export const SIGN_IN_WINDOW_SECONDS: number = 0;
