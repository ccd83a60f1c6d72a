// #region cookie-prefix
// Модуль без импортов: его читают и конфигурация auth, и proxy
export const LIBRARY_COOKIE_PREFIX = "library"; // → library.session_token
// #endregion cookie-prefix
