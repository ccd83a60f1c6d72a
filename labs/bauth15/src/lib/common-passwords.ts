/**
 * Passwords that attackers try first: the top of public leak lists (SecLists,
 * the UK NCSC's 100k list) and their Russian favourites, only those that pass
 * the 8-character minimum (shorter ones never get this far). Shipped with the
 * app, in lower case: checking a password needs no network and no third party.
 * A real product may use a longer list or the Have I Been Pwned k-anonymity API.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  "12345678", "123456789", "1234567890", "12345678910", "123456789a", "a123456789",
  "1234567a", "12345678a", "87654321", "987654321", "0987654321", "11111111",
  "1111111111", "00000000", "22222222", "55555555", "66666666", "77777777",
  "88888888", "99999999", "12121212", "12341234", "11223344", "11112222",
  "123123123", "123321123", "147258369", "741852963", "789456123", "123654789",
  "159753456", "1q2w3e4r", "1q2w3e4r5t", "1q2w3e4r5t6y", "q1w2e3r4", "q1w2e3r4t5",
  "1qaz2wsx", "1qazxsw2", "zaq12wsx", "qazwsxedc", "qwertyui", "qwertyuiop",
  "qwerty12", "qwerty123", "qwerty1234", "qwerty12345", "qwerty123456", "qwertyqwerty",
  "1234qwer", "qwer1234", "asdf1234", "zxcv1234", "123qweasd", "123qweasdzxc",
  "qweasdzxc", "asdfghjk", "asdfghjkl", "zxcvbnm1", "zxcvbnm123", "1234abcd",
  "abcd1234", "abc12345", "abc123456", "abcdefgh", "a1b2c3d4", "aa123456",
  "password", "password1", "password12", "password123", "password1234", "password!",
  "password2", "passw0rd", "p@ssw0rd", "p@ssword", "pa$$word", "pass1234",
  "passpass", "iloveyou", "iloveyou1", "iloveyou2", "sunshine", "sunshine1",
  "princess", "princess1", "football", "football1", "baseball", "baseball1",
  "basketball", "superman", "superman1", "batman123", "starwars", "trustno1",
  "welcome1", "welcome123", "letmein1", "letmein123", "admin123", "admin1234",
  "administrator", "changeme", "default1", "secret123", "test1234", "testtest",
  "computer", "internet", "whatever", "michelle", "jennifer", "jordan23",
  "michael1", "jessica1", "charlie1", "chocolate", "butterfly", "liverpool",
  "mercedes", "samsung1", "tinkerbell", "shadow123", "dragon123", "monkey123",
  "master123", "qwerty1!", "zxcvbnm!", "iloveyou!", "1qaz!qaz", "hello123",
  "123abc123", "loveme123", "killer123", "freedom1", "whatever1", "marina123",
  "natasha1", "nikita123", "maxim123", "privet123", "parol123", "parol1234",
  "йцукенгш", "йцукенгшщз", "пароль123", "qwertyuiop123",
]);
