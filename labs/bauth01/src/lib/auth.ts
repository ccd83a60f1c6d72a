import { betterAuth } from "better-auth";

// TODO(bauth01): настройте экземпляр: секрет и адрес приложения он должен брать из окружения
// (через функции из ./env), а вход по email и паролю — быть включён. Контракт — в README лабы.
export const auth = betterAuth({});
