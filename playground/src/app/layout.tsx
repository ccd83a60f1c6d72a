import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { labLabel } from "../lib/lab-info";
import "./globals.css";

export const metadata: Metadata = { title: "Песочница Better Auth" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ru">
      <body>
        <header className="top">
          <Link href="/" className="brand">Песочница Better Auth</Link>
          <nav>
            <Link href="/sign-up">Регистрация</Link>
            <Link href="/login">Вход</Link>
            <Link href="/dashboard">Кабинет</Link>
            <Link href="/outbox">Почта</Link>
          </nav>
          <span className="lab">код: <code>{labLabel()}</code></span>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
