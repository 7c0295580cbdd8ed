/** Where a command writes, and how it ends; tests pass their own. */
export type CommandOutput = {
  out(text: string): void;
  err(text: string): void;
  exit(code: number): void;
};

/** The process's own streams and exit code. */
export const processOutput: CommandOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  exit: (code) => {
    process.exitCode = code;
  },
};
