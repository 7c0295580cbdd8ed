import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const serverMain = fileURLToPath(new URL('../../src/server/main.ts', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** A child process whose console output is collected as it comes. */
export type WatchedProcess = { child: ChildProcess; output(): string };

export function spawnWatched(
  command: string,
  args: string[],
  env: Record<string, string>,
): WatchedProcess {
  const child = spawn(command, args, {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return { child, output: () => output };
}

/** Waits until the process prints the server's ready line; fails if it exits first. */
export function untilServing(watched: WatchedProcess, timeoutMs = 60_000): Promise<void> {
  const { child, output } = watched;
  return new Promise<void>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.off('exit', exited);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`server did not start:\n${output()}`));
    }, timeoutMs);
    const check = () => {
      if (output().includes('Habeas is serving')) {
        done();
        resolve();
      }
    };
    const exited = (code: number | null) => {
      done();
      reject(new Error(`server exited with ${code}:\n${output()}`));
    };
    child.stdout?.on('data', check);
    child.once('exit', exited);
    check();
  });
}

export type RunningServer = {
  baseUrl: string;
  dataDir: string;
  port: number;
  /** Everything the server printed to its console. */
  output(): string;
  /** SIGKILL leaves the database exactly as a crash would, WAL and all. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Deletes the data dir. */
  remove(): void;
};

export type StartOptions = {
  /** Start on this data dir, as a restart after a crash does, instead of a fresh one. */
  dataDir?: string;
  /** Listen on this port, so that clients find a restarted server where they left it. */
  port?: number;
};

/**
 * Starts the server as `npm start` does, on a fresh data dir and a free port unless told
 * otherwise, and waits until it says it is serving.
 */
export async function startServer(
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'habeas-e2e-'));
  const port = options.port ?? (await freePort());
  const watched = spawnWatched(process.execPath, ['--import', 'tsx', serverMain], {
    HABEAS_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    ...env,
  });
  const { child } = watched;
  await untilServing(watched);
  return {
    baseUrl: `http://localhost:${port}`,
    dataDir,
    port,
    output: watched.output,
    async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill(signal);
        await exited;
      }
    },
    remove() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
