/**
 * The single list of the course's labs. The grader's summary, the deck's
 * LabBadge, the lab tooling and the Classroom workflow all read it, so a lab
 * is added or renamed here and nowhere else (rustlings' info.toml is the model).
 */
export interface LabInfo {
  /** Folder name under labs/, solutions/ and the grader's file name under tests/. */
  readonly id: `bauth${string}`;
  /** Russian title, shown on the deck's badge and in the grading table. */
  readonly title: string;
  /** Slidev route alias of the slide that introduces the lab (`routeAlias` in slides). */
  readonly slide: string;
  /** The lecture (course/lectures.ts) whose deck introduces the lab with its badge. */
  readonly lecture: 1 | 2;
  /** Points for a fully passing lab: lecture 1's labs total 100, each lab of lecture 2 adds 10. */
  readonly points: number;
}

export const labs = [
  { id: "bauth01", title: "Инициализация Better Auth", slide: "bauth01", lecture: 1, points: 5 },
  { id: "bauth02", title: "Интеграция с PostgreSQL", slide: "bauth02", lecture: 1, points: 5 },
  { id: "bauth03", title: "Таблицы users и sessions", slide: "bauth03", lecture: 1, points: 10 },
  { id: "bauth04", title: "Регистрация пользователя", slide: "bauth04", lecture: 1, points: 10 },
  { id: "bauth05", title: "Вход и создание сессии", slide: "bauth05", lecture: 1, points: 10 },
  { id: "bauth06", title: "Чтение сессии на сервере", slide: "bauth06", lecture: 1, points: 10 },
  { id: "bauth07", title: "Пользователь в контексте tRPC", slide: "bauth07", lecture: 1, points: 10 },
  { id: "bauth08", title: "Срок жизни сессии", slide: "bauth08", lecture: 1, points: 10 },
  { id: "bauth09", title: "Выход", slide: "bauth09", lecture: 1, points: 10 },
  { id: "bauth10", title: "Полный жизненный цикл", slide: "bauth10", lecture: 1, points: 20 },
  { id: "bauth11", title: "Кэш сессии (cookie cache)", slide: "bauth11", lecture: 2, points: 10 },
  { id: "bauth12", title: "Перебор паролей", slide: "bauth12", lecture: 2, points: 10 },
  { id: "bauth13", title: "Секреты", slide: "bauth13", lecture: 2, points: 10 },
  { id: "bauth14", title: "Смена пароля и email", slide: "bauth14", lecture: 2, points: 10 },
  { id: "bauth15", title: "Браузер и деплой", slide: "bauth15", lecture: 2, points: 10 },
] as const satisfies readonly LabInfo[];

export type LabId = (typeof labs)[number]["id"];

export function findLab(id: string): LabInfo | undefined {
  return labs.find((lab) => lab.id === id);
}
