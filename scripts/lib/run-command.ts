import { spawn } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "../../tests/support/lab.ts";

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr in the order they came. */
  output: string;
}

export interface CommandOptions {
  cwd?: string;
  /** Added to this process's environment. */
  env?: NodeJS.ProcessEnv;
  /** Also print the output as it comes (otherwise it is only collected). */
  echo?: boolean;
}

/** Runs a command to its end and collects its output; callers decide what a non-zero code means. */
export function runCommand(command: string, args: string[], options: CommandOptions = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const result: CommandResult = { code: null, stdout: "", stderr: "", output: "" };
    const collect = (stream: "stdout" | "stderr") => (chunk: Buffer) => {
      const text = chunk.toString();
      result[stream] += text;
      result.output += text;
      if (options.echo) process[stream].write(chunk);
    };
    child.stdout.on("data", collect("stdout"));
    child.stderr.on("data", collect("stderr"));
    child.once("error", reject);
    child.once("close", (code) => resolve({ ...result, code }));
  });
}

/** A command installed by this repository's npm dependencies. */
export function localBin(name: string, root = REPO_ROOT): string {
  return join(root, "node_modules", ".bin", name);
}
