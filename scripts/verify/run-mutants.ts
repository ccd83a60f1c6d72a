/**
 * `npm run mutants [-- bauth04 …]`: grades the mutants and alternatives of
 * the given labs (all by default) and prints the mutation score per lab.
 */
import { findLab } from "../../course/labs.ts";
import { bannerLine, startPostgres } from "../../tests/support/postgres/provider.ts";
import { normalizeLabId, usageError, validLabsList } from "../lab/cli.ts";
import { checkVariantCollection, gradeVariants, listVariants, mutationScores, variantProblems } from "./mutants.ts";
import { labs } from "../../course/labs.ts";

const ids = process.argv.slice(2).map(normalizeLabId);
for (const id of ids) if (!findLab(id)) usageError(`Лабы «${id}» нет в курсе. Доступные лабы:\n${validLabsList()}`);
const chosen = ids.length > 0 ? ids : labs.map((lab) => lab.id);

const server = await startPostgres();
console.log(bannerLine(server));
let problems: string[];
try {
  const variants = listVariants(chosen);
  const results = await gradeVariants(variants, server.adminUrl);
  for (const result of results) console.log(`${result.ok ? "✅" : "❌"} ${result.lab} ${result.kind === "mutant" ? "мутант" : "альтернатива"} ${result.name}: ${result.detail}`);
  console.log("");
  for (const line of mutationScores(results)) console.log(line);
  problems = [...checkVariantCollection(variants, chosen), ...variantProblems(results)];
} finally {
  await server.stop();
}
if (problems.length > 0) {
  console.log(`\nПроблем: ${problems.length}`);
  for (const problem of problems) console.log(`  • ${problem}`);
}
process.exit(problems.length > 0 ? 1 : 0);
