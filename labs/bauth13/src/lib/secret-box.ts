import { auth } from "./auth";

/**
 * Values the app keeps in the database encrypted (an API token of a linked
 * service, say), under the same versioned keys Better Auth uses for OAuth tokens.
 */

// TODO(bauth13): три функции из контракта README. Шифруют и расшифровывают ключами Better Auth (все версии из
//   BETTER_AUTH_SECRETS: конфигурация секретов есть в контексте экземпляра auth), новые данные — текущей версией.
//   Значение версии, которой больше нет в списке, — ошибка с русским сообщением, а не пустая строка.

export async function encryptAtRest(plaintext: string): Promise<string> {
  void auth;
  void plaintext;
  throw new Error("encryptAtRest ещё не написана (TODO bauth13)");
}

export async function decryptAtRest(stored: string): Promise<string> {
  void stored;
  throw new Error("decryptAtRest ещё не написана (TODO bauth13)");
}

export async function reencryptAtRest(stored: string): Promise<string> {
  void stored;
  throw new Error("reencryptAtRest ещё не написана (TODO bauth13)");
}
