/** `npm run hint -- bauth04`: the hints from the lab's README. */
import { parseLabCommand, requirePublished } from "./cli.ts";
import { formatHints } from "./hints.ts";

const { lab } = parseLabCommand("hint", {});
requirePublished(lab);
console.log(formatHints(lab));
