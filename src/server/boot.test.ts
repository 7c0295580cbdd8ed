import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runServerUntilExit } from '../../test/support/run-habeas.ts';
import { sqliteFileName } from '../adapters/db/sqlite-database.ts';
import { parseConfig } from './config/env.ts';

describe('configuration', () => {
  it('needs no service by default: SQLite in ./data on port 8080', () => {
    const result = parseConfig({});
    expect(result).toMatchObject({
      ok: true,
      config: { PORT: 8080, HABEAS_DATA_DIR: './data', DATABASE_URL: undefined },
    });
  });

  it('lists every problem at once, hiding secret values', () => {
    const result = parseConfig({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://root:hunter2@db',
      LOG_LEVEL: 'loud',
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/^PORT="eighty"/m);
    expect(problems.join('\n')).toMatch(/^DATABASE_URL=\(hidden\): must start with postgres:\/\//m);
    expect(problems.join('\n')).not.toContain('hunter2');
  });
});

describe('start-up failures', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('stops with a clear message when the data dir holds a damaged database', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'habeas-corrupt-'));
    dirs.push(dataDir);
    writeFileSync(
      path.join(dataDir, sqliteFileName),
      'this is not a database, just some text '.repeat(200),
    );
    const result = await runServerUntilExit({ HABEAS_DATA_DIR: dataDir, PORT: '0' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cannot open the database file');
    expect(result.stderr).toContain('Check HABEAS_DATA_DIR');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('stops with every configuration problem listed', async () => {
    const result = await runServerUntilExit({ PORT: '-1', DATABASE_URL: 'sqlite://x' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Configuration problems:');
    expect(result.stderr).toContain('PORT="-1"');
    expect(result.stderr).toContain('DATABASE_URL=(hidden)');
  });
});
