"use client";

import { useState } from "react";

/**
 * Signs out as Better Auth's browser client does (authClient.signOut()): a POST
 * from the page to the lab's /api/auth/sign-out. The browser itself receives
 * the lab's whole answer: the Set-Cookie lines that wipe the session cookie and,
 * from bauth15 on, Clear-Site-Data. A Server Action could pass on cookies only.
 */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  async function signOut(): Promise<void> {
    setPending(true);
    setError(undefined);
    try {
      // Better Auth accepts only JSON bodies on POST; the sign-out body is empty.
      const response = await fetch("/api/auth/sign-out", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      if (!response.ok) {
        setError(`Выйти не получилось: /api/auth/sign-out ответил ${response.status}. Подробности — в терминале песочницы.`);
        return;
      }
      // A full page load, not the client router: nothing of the signed-in pages stays in memory.
      window.location.assign("/login");
    } catch (failure) {
      setError(`Выйти не получилось: ошибка сети (${String(failure)}).`);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <button type="button" className="secondary" disabled={pending} onClick={() => void signOut()}>
        Выйти
      </button>
      {error ? (
        <p className="error" role="alert" data-testid="sign-out-error">
          {error}
        </p>
      ) : null}
    </>
  );
}
