import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/habeas.js', import.meta.url));
const serverMain = fileURLToPath(new URL('../../src/server/main.ts', import.meta.url));

export type ProcessResult = { code: number | null; stdout: string; stderr: string };

/** Runs a Habeas program in a child process, with the given settings on top of this environment. */
function run(
  args: string[],
  env: Record<string, string>,
  timeoutMs: number,
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `npx habeas …` */
export function runHabeasCli(args: string[], env: Record<string, string>): Promise<ProcessResult> {
  return run([bin, ...args], env, 60_000);
}

/** Starts `npm start`'s server program and waits for it to exit (for start-up failures). */
export function runServerUntilExit(env: Record<string, string>): Promise<ProcessResult> {
  return run(['--import', 'tsx', serverMain], env, 60_000);
}

/** A postgres:// URL that works inside the given schema. */
export function schemaUrl(connectionString: string, schema: string): string {
  const url = new URL(connectionString);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}
