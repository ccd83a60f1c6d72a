import { vi } from "vitest";

/**
 * Runs `call` with the process clock moved `offsetMs` ahead (or back, when negative).
 *
 * Most of a session's time lives in the database, and graders move it there
 * (`update sessions set expires_at = …`). A cookie cache's time does not: its
 * expiry is signed into the cookie and compared with Date.now() in the server
 * process, so the only way to age it without sleeping is to move that clock.
 * Only Date is faked: timers keep running, so pg and Better Auth work as usual.
 * The database's now() does not move; the call sees the app's clock `offsetMs` ahead of it.
 */
export async function withClockMoved<T>(offsetMs: number, call: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + offsetMs });
  try {
    return await call();
  } finally {
    vi.useRealTimers();
  }
}
