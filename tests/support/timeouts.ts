/**
 * Vitest's timeout errors advise raising testTimeout or hookTimeout. In this
 * course that advice is wrong: the grading config is protected (the Classroom
 * integrity step fails on any change), and the cause is nearly always a lab
 * function that waits for something that never comes. The student reads this instead.
 */
export function isTimeoutError(error: { name?: string; message?: string }): boolean {
  return error.name === "TestTimeoutError" || error.name === "HookTimeoutError" || /^(Test|Hook) timed out in \d+ms/.test(error.message ?? "");
}

export function timeoutMessage(original: string): string {
  const ms = Number(/timed out in (\d+)ms/.exec(original)?.[1] ?? 0);
  const limit = ms > 0 ? `за ${ms / 1000} с` : "за отведённое время";
  const what = /^Hook/.test(original) ? "Подготовка к тестам" : "Тест";
  return (
    `${what} не завершился ${limit}: код лабы ждёт промис, который так и не выполнился ` +
    `(забытый resolve или return, await на запросе без ответа, бесконечное ожидание). ` +
    `Найдите, где ваша функция ждёт, и сделайте так, чтобы она возвращала результат. ` +
    `Увеличивать testTimeout не нужно: настройки проверки защищены, и это не поможет.`
  );
}

/** Rewrites timeout errors in place, as Vitest stores them on a task's result. */
export function translateTimeouts(errors: { name?: string; message: string }[] | undefined): void {
  for (const error of errors ?? []) {
    if (isTimeoutError(error)) {
      error.message = timeoutMessage(error.message);
      error.name = "TimeoutError";
    }
  }
}
