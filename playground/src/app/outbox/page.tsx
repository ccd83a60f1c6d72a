import { connection } from "next/server";
import { readAppUrl } from "@lab/lib/env";
import { readOutbox, type Letter } from "../../lib/outbox";

/**
 * The playground's mailbox: the rows of the lab's outbox table (bauth14 on).
 * It shows every letter to whoever opens it, which only a development tool on
 * localhost may do; in production each letter reaches its recipient alone.
 */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ from?: string | string[] }> }) {
  // Read at request time: a letter written a second ago must be here.
  await connection();
  const [{ from }, outbox] = await Promise.all([searchParams, readOutbox()]);
  return (
    <>
      {from === "sign-up" ? <AfterSignUp /> : null}
      {from === "reset" ? <AfterResetRequest /> : null}
      <section className="card">
        <h1>Почта песочницы</h1>
        <p className="muted">
          Письма, которые лаба «отправила», — строки таблицы <code>outbox</code> в базе песочницы, новые сверху. В
          production их доставлял бы отдельный процесс, и каждое письмо видел бы только его получатель.
        </p>
        {outbox.table === "missing" ? <NoOutbox /> : <Letters letters={outbox.letters} origin={new URL(readAppUrl()).origin} />}
      </section>
    </>
  );
}

function AfterSignUp() {
  return (
    <section className="card" data-testid="after-sign-up">
      <h2>Подтвердите адрес</h2>
      <p>
        В этой лабе войти можно только с подтверждённым email, поэтому регистрация не открыла сессию. Форма отвечает одинаково,
        есть такой адрес в базе или нет: по ответу нельзя узнать, кто зарегистрирован. Новому адресу лаба отправляет
        письмо со ссылкой, а владельцу занятого адреса — предупреждение, если в ней задан{" "}
        <code>onExistingUserSignUp</code>.
      </p>
      <p>Откройте ссылку из письма ниже: Better Auth подтвердит адрес и вернёт вас на главную. Затем войдите.</p>
    </section>
  );
}

function AfterResetRequest() {
  return (
    <section className="card" data-testid="after-reset-request">
      <h2>Ссылка для сброса</h2>
      <p>
        Если такой аккаунт есть, лаба отправила на адрес письмо со ссылкой. Ответ формы одинаков для любого адреса.
        Ссылка работает один раз и недолго: срок задаёт <code>resetPasswordTokenExpiresIn</code> лабы.
      </p>
    </section>
  );
}

function NoOutbox() {
  return (
    <p data-testid="outbox-missing">
      Таблицы <code>outbox</code> в базе нет: эта лаба не пишет писем. Письма появляются в bauth14 — там таблицу
      добавляет первый шаг задания. Песочница применяет миграции при запуске, поэтому после{" "}
      <code>npm run db:generate</code> перезапустите её.
    </p>
  );
}

function Letters({ letters, origin }: { letters: readonly Letter[]; origin: string }) {
  if (letters.length === 0) return <p data-testid="outbox-empty">Писем пока нет.</p>;
  return (
    <ol className="letters">
      {letters.map((letter) => (
        <li key={letter.id} className="letter" data-testid="letter">
          <dl className="facts">
            <dt>Кому</dt>
            <dd data-testid="letter-recipient">{letter.recipient}</dd>
            <dt>Тема</dt>
            <dd data-testid="letter-subject">{letter.subject}</dd>
            <dt>Записано</dt>
            <dd>{new Date(letter.createdAt).toLocaleString("ru-RU", { dateStyle: "medium", timeStyle: "medium" })}</dd>
          </dl>
          <p className="letter-body">
            <LetterBody text={letter.body} origin={origin} />
          </p>
        </li>
      ))}
    </ol>
  );
}

/**
 * The letter as plain text, with links into this app clickable. A link to any
 * other site stays text: a letter the lab wrote wrongly must not send anyone away.
 */
function LetterBody({ text, origin }: { text: string; origin: string }) {
  return text.split(/(https?:\/\/\S+)/).map((part, index) =>
    index % 2 === 1 && part.startsWith(`${origin}/`) ? (
      <a key={index} href={part} data-testid="letter-link">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
