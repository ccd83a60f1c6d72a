/**
 * `npm run hint -- bauth04`: the lab's hints one level at a time (the idea,
 * then the API, then a sketch close to code). `--all` shows every level,
 * `--reset` starts again from the first.
 */
import { parseLabCommand, requirePublished, usageError } from "./cli.ts";
import { resetHints, showAllHints, showNextHint } from "./hints.ts";

const FLAGS = ["--all", "--reset"];
const USAGE = "Запуск: npm run hint -- bauth04 (следующий уровень), --all (все уровни), --reset (начать сначала).";

// Checked before parseLabCommand, so a typo in a flag gets a Russian message, not parseArgs' English one.
const unknown = process.argv.slice(2).filter((arg) => arg.startsWith("-") && !FLAGS.includes(arg));
if (unknown.length > 0) usageError(`Неизвестный флаг: ${unknown.join(" ")}. ${USAGE}`);

const { lab, values } = parseLabCommand("hint", { all: { type: "boolean" }, reset: { type: "boolean" } });
if (values.all && values.reset) usageError(`Выберите что-то одно: --all или --reset. ${USAGE}`);
requirePublished(lab);
console.log(values.reset ? resetHints(lab) : values.all ? showAllHints(lab) : showNextHint(lab));
