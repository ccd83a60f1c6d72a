import { join } from "node:path";
import { REPO_ROOT } from "../../tests/support/lab.ts";
import { runCommand as run, type CommandResult } from "../lib/run-command.ts";

export type { CommandResult };

/** Runs a TypeScript script the way `npm run <name>` does (through tsx), in the given checkout. */
export function runScript(root: string, script: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
  return runCommand(process.execPath, ["--import", "tsx", join(root, script), ...args], root, env);
}

/** Runs a command without colours, so tests can match its text; `output` has no escape codes. */
export async function runCommand(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
  const result = await run(command, args, { cwd, env: { FORCE_COLOR: "0", NO_COLOR: "1", ...env } });
  return { ...result, output: stripAnsi(result.output) };
}

export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "");
}

export { REPO_ROOT };
