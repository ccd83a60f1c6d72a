/** One letter: who gets it, its subject and its plain-text body. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * "Sends" a letter by writing it to the outbox table; a delivery worker (SMTP,
 * an email API) would send the unsent rows later. Nothing goes over the network.
 */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  // TODO(bauth14): запишите письмо строкой в таблицу outbox (её вы добавите в src/db/schema.ts).
  //   Ошибку базы не глотайте: письмо, которое не записалось, — это сбой, а не успех.
  void mail;
  throw new Error("sendMail ещё не написана (TODO bauth14)");
}
