"use client";

import { useState } from "react";

interface Probe {
  label: string;
  url: string;
  /** The part of the answer worth showing: never the session token that get-session also returns. */
  summary(body: unknown): string;
}

const PROBES: readonly Probe[] = [
  {
    label: "GET /api/auth/get-session",
    url: "/api/auth/get-session",
    summary: (body) => {
      const data = body as { user?: { email?: string }; session?: { expiresAt?: string } } | null;
      return data?.user ? `пользователь ${data.user.email}, сессия до ${data.session?.expiresAt}` : "null — сессии нет";
    },
  },
  {
    label: "tRPC me",
    url: "/api/trpc/me",
    summary: (body) => {
      const data = body as { result?: { data?: unknown }; error?: { message?: string } };
      return data.result ? JSON.stringify(data.result.data) : (data.error?.message ?? JSON.stringify(body));
    },
  },
];

/**
 * Requests the page's JavaScript makes itself: the browser attaches the
 * HttpOnly session cookie, though the script can neither read nor send it by hand.
 */
export function BrowserRequests() {
  const [results, setResults] = useState<Record<string, string>>({});

  async function run(probe: Probe): Promise<void> {
    setResults((previous) => ({ ...previous, [probe.url]: "…" }));
    let line: string;
    try {
      const response = await fetch(probe.url);
      const text = await response.text();
      let shown: string;
      try {
        shown = probe.summary(JSON.parse(text));
      } catch {
        shown = text.slice(0, 200);
      }
      line = `${response.status}: ${shown}`;
    } catch (error) {
      line = `ошибка сети: ${String(error)}`;
    }
    setResults((previous) => ({ ...previous, [probe.url]: line }));
  }

  return (
    <section className="card">
      <h2>Запросы из браузера</h2>
      <p className="muted">
        <code>document.cookie</code> здесь не содержит токена, но браузер всё равно приложит cookie к запросу.
      </p>
      <div className="probes">
        {PROBES.map((probe) => (
          <div key={probe.url} className="probe">
            <button type="button" className="secondary" onClick={() => void run(probe)}>
              {probe.label}
            </button>
            <code data-testid={`probe-${probe.url}`}>{results[probe.url] ?? "нажмите, чтобы отправить запрос"}</code>
          </div>
        ))}
      </div>
    </section>
  );
}
