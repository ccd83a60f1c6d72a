// Not lab code: versioned secrets and encrypted fields on the library app.
import type { BetterAuthOptions } from "better-auth";
import { symmetricDecrypt, symmetricEncrypt } from "better-auth/crypto";
import { auth } from "../../lecture1/library/auth";
import { requireEnv } from "../../lecture1/library/env";

// #region secrets
// То же, что BETTER_AUTH_SECRETS="3:<новый>,2:<прежний>"
export const LIBRARY_SECRETS = [
  { version: 3, value: requireEnv("LIBRARY_SECRET_V3") }, // текущий: шифрует и подписывает
  { version: 2, value: requireEnv("LIBRARY_SECRET_V2") }, // прежний: только расшифровать старое
] satisfies NonNullable<BetterAuthOptions["secrets"]>;
// #endregion secrets

// #region sealed-field
export async function sealCardNumber(cardNumber: string): Promise<string> {
  const { secretConfig } = await auth.$context; // все версии секрета
  return symmetricEncrypt({ key: secretConfig, data: cardNumber }); // "$ba$3$…"
}

export async function openCardNumber(sealed: string): Promise<string> {
  const { secretConfig } = await auth.$context;
  return symmetricDecrypt({ key: secretConfig, data: sealed }); // версия — из конверта
}
// #endregion sealed-field
