import { db } from "../../db";
import { outbox } from "../../db/schema";

/** One letter: who gets it, its subject and its plain-text body. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * "Sends" a letter by writing it to the outbox table; a delivery worker (SMTP,
 * an email API) would send the unsent rows later. Nothing goes over the network
 * here, so sign-up and password reset never wait for a mail server, and tests
 * read the letters from the table. A failed INSERT is not swallowed: the caller
 * (Better Auth) sees it.
 */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  await db.insert(outbox).values({ recipient: mail.to, subject: mail.subject, body: mail.text });
}
