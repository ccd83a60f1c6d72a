// Not lab code: the labs' contracts (signatures and result types) as the slides show them.
// The check at the end fails to compile when a lab's starter changes a signature, so a slide
// cannot promise a contract the labs no longer have. No bodies: those are the labs' work.
type CurrentUser = { id: string; email: string; name: string; role: string };

// #region sign-up-contract
// src/server/auth/sign-up.ts — bauth04
type Failure = { ok: false; code: string; message: string }; // отказ для формы
export declare function signUp(
  input: { name: string; email: string; password: string },
  headers?: Headers,
): Promise<{ ok: true; user: { id: string; email: string; name: string } } | Failure>;
// #endregion sign-up-contract

// #region sign-in-contract
// src/server/auth/sign-in.ts — bauth05
type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string }; setCookie: string[] }
  | Failure; // любой неверный вход → INVALID_EMAIL_OR_PASSWORD
export declare function signIn(
  input: { email: string; password: string },
  headers: Headers,
): Promise<SignInResult>;
// #endregion sign-in-contract

// #region session-contract
// src/server/auth/session.ts — bauth06
export declare function getCurrentUser(headers: Headers): Promise<CurrentUser | null>;
// нет сессии → UnauthorizedError
export declare function requireUser(headers: Headers): Promise<CurrentUser>;
// #endregion session-contract

// #region fresh-contract
// src/server/auth/fresh-session.ts — bauth08
// нет сессии → UnauthorizedError; вход старше SESSION_FRESH_AGE → SessionNotFreshError
export declare function requireFreshSession(headers: Headers): Promise<CurrentUser>;
// #endregion fresh-contract

// #region sign-out-contract
// src/server/auth/sign-out.ts — bauth09
type SignOutResult = { ok: true; setCookie: string[] } | Failure;
export declare function signOut(headers: Headers): Promise<SignOutResult>;
export declare function signOutEverywhere(headers: Headers): Promise<SignOutResult>;
// #endregion sign-out-contract

// #region dashboard-contract
// src/app/dashboard/data.ts — bauth10
export declare function loadDashboard(headers: Headers): Promise<{ user: CurrentUser }>;
// #endregion dashboard-contract

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const contractsMatchTheStarters: [
  Same<typeof signUp, typeof import("../../labs/bauth04/src/server/auth/sign-up").signUp>,
  Same<typeof signIn, typeof import("../../labs/bauth05/src/server/auth/sign-in").signIn>,
  Same<typeof getCurrentUser, typeof import("../../labs/bauth06/src/server/auth/session").getCurrentUser>,
  Same<typeof requireUser, typeof import("../../labs/bauth06/src/server/auth/session").requireUser>,
  Same<typeof requireFreshSession, typeof import("../../labs/bauth08/src/server/auth/fresh-session").requireFreshSession>,
  Same<typeof signOut, typeof import("../../labs/bauth09/src/server/auth/sign-out").signOut>,
  Same<typeof signOutEverywhere, typeof import("../../labs/bauth09/src/server/auth/sign-out").signOutEverywhere>,
  Same<typeof loadDashboard, typeof import("../../labs/bauth10/src/app/dashboard/data").loadDashboard>,
] = [true, true, true, true, true, true, true, true];
