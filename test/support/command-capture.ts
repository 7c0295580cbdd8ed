import type { CommandOutput } from '../../src/server/cli/command-output.ts';

/** A command's output kept for the test to read: what it wrote, and the exit code it set. */
export function capturedOutput(): {
  output: CommandOutput;
  result: { out: string; err: string; code: number };
} {
  const result = { out: '', err: '', code: 0 };
  const output: CommandOutput = {
    out: (text) => {
      result.out += text;
    },
    err: (text) => {
      result.err += text;
    },
    exit: (code) => {
      result.code = code;
    },
  };
  return { output, result };
}
