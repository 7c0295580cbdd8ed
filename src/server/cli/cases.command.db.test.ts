import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseListHeaders, caseListRow, xlsxOf } from '../../../test/support/case-lists.ts';
import { capturedOutput } from '../../../test/support/command-capture.ts';
import { runHabeasCli } from '../../../test/support/run-habeas.ts';
import { buildEnrolledStaff } from '../../../test/support/staff-fixtures.ts';
import { testClock } from '../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../test/support/test-databases.ts';
import { openSqliteDatabase, sqliteFileName } from '../../adapters/db/sqlite-database.ts';
import { AppError } from '../../app/app-error.ts';
import { createOrganisation } from '../../app/organisations/create-organisation.ts';
import { setEscrowKey } from '../../app/organisations/init-escrow.ts';
import type { Ports } from '../../app/ports/ports.ts';
import { loadConfig } from '../config/env.ts';
import { buildPorts } from '../container.ts';
import { registerCaseCommands } from './cases.command.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'habeas-cases-cli-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function caseListFile(name: string, rows: (string | number | Date | null)[][]) {
  const file = path.join(dir, name);
  writeFileSync(file, await xlsxOf(caseListHeaders, rows));
  return file;
}

function badRow(n: number) {
  const row = caseListRow(n);
  row[1] = '31.02.2006';
  return row;
}

describe.each(testDialects())('habeas cases import [$name]', (dialect) => {
  let database: TestDatabase;
  let ports: Ports;
  let email: string;

  beforeEach(async () => {
    database = await dialect.open();
    ports = buildPorts(database, { clock: testClock() });
    const orgId = (await createOrganisation(ports, { name: 'Test group' })).id;
    await setEscrowKey(ports, { orgId });
    email = (await buildEnrolledStaff(ports, { orgId, roles: ['lawyer'] })).email;
  });
  afterEach(async () => {
    await database.close();
  });

  /** The command in this process, on the test's database, with an AppError ending it as main does. */
  async function run(args: string[]) {
    const { output, result } = capturedOutput();
    const loaded = loadConfig();
    if (!loaded.ok) throw new Error('test configuration is invalid');
    const program = new Command('habeas')
      .exitOverride()
      .configureOutput({ writeErr: (text) => output.err(text) });
    registerCaseCommands(
      program,
      async (action) => {
        try {
          await action(ports, loaded.config);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          output.err(`habeas: refused (${error.code}): ${error.message}\n`);
          output.exit(2);
        }
      },
      output,
    );
    await program.parseAsync(['cases', 'import', ...args], { from: 'user' });
    return result;
  }

  async function caseCount(): Promise<number> {
    const counted = await sql<{ n: number | string }>`select count(*) as n from case_files`.execute(
      database.db,
    );
    return Number(counted.rows[0]?.n);
  }

  it('imports a list on behalf of a staff member, progress on stderr, the report on stdout', async () => {
    const file = await caseListFile(
      'list.xlsx',
      Array.from({ length: 250 }, (_, index) => caseListRow(index)),
    );
    const result = await run([file, '--as', email]);
    expect(result.code).toBe(0);
    expect(result.err).toBe(
      [100, 200, 250]
        .map((done) => `sealed ${done} of 250 cases\n`)
        .concat([100, 200, 250].map((done) => `written ${done} of 250 cases\n`))
        .join(''),
    );
    expect(result.out).toContain('  A «ФИО» → fullName (Full name)\n');
    expect(result.out).toMatch(
      /created 250 cases \(import [\w-]+\); skipped 0 rows with problems; 0 blank rows\n$/,
    );
    expect(await caseCount()).toBe(250);
  });

  it('refuses a list with a bad row, printing each problem by line, and writes nothing', async () => {
    const file = await caseListFile('bad.xlsx', [caseListRow(1), badRow(2)]);
    const result = await run([file, '--as', email, '--lang', 'ru']);
    expect(result.code).toBe(2);
    expect(result.out).toContain(
      'Строка 3, столбец B «Дата рождения»: Такого дня нет в календаре.\n',
    );
    expect(result.err).toContain('habeas: refused (IMPORT_REFUSED): 1 rows have problems');
    expect(await caseCount()).toBe(0);

    const skipped = await run([file, '--as', email, '--skip-invalid']);
    expect(skipped.code).toBe(0);
    expect(skipped.out).toContain('created 1 cases');
    expect(skipped.out).toContain(
      'Line 3, column B «Дата рождения»: There is no such day in the calendar.\n',
    );
    expect(await caseCount()).toBe(1);
  });

  it('checks a list without writing on a dry run, with the mapping given', async () => {
    const file = await caseListFile('dry.xlsx', [caseListRow(1), badRow(2)]);
    const result = await run([file, '--as', email, '--dry-run', '--columns', 'fullName']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('  B «Дата рождения» → —\n');
    expect(result.out).toContain('rows: 2 read, 2 valid, 0 with problems, 0 blank\n');
    expect(result.out).toContain('would create: 2 cases, 0 detentions, 0 draft matters');
    expect(await caseCount()).toBe(0);
  });

  it('refuses unknown fields, staff who may not open cases, and files that are not lists', async () => {
    const file = await caseListFile('list.xlsx', [caseListRow(1)]);
    await expect(run([file, '--as', email, '--columns', 'fullName,shoeSize'])).rejects.toThrow(
      'unknown field: shoeSize',
    );
    const nobody = await run([file, '--as', 'nobody@example.org']);
    expect(nobody.err).toContain('NOT_FOUND');
    const text = path.join(dir, 'notes.xlsx');
    writeFileSync(text, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const notList = await run([text, '--as', email]);
    expect(notList.err).toContain('SPREADSHEET_UNREADABLE');
  });
});

describe('habeas cases import as a process', () => {
  it('seals the cases with public keys only and exits 2 on a refused list', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'habeas-cli-import-'));
    try {
      const env = { HABEAS_DATA_DIR: dataDir };
      expect((await runHabeasCli(['org', 'create', '--name', 'Группа'], env)).code).toBe(0);
      const escrow = await runHabeasCli(
        ['escrow', 'init', '--out', path.join(dataDir, 'escrow.key')],
        env,
      );
      expect(escrow.code, escrow.stderr).toBe(0);
      const database = openSqliteDatabase(path.join(dataDir, sqliteFileName));
      const ports = buildPorts({ ...database });
      const [organisation] = await ports.unitOfWork.run((repositories) =>
        repositories.organisations.list(),
      );
      const staff = await buildEnrolledStaff(ports, {
        orgId: organisation?.id ?? '',
        roles: ['lawyer'],
      });
      await database.close();

      const good = await caseListFile('process.xlsx', [caseListRow(1), caseListRow(2)]);
      const imported = await runHabeasCli(['cases', 'import', good, '--as', staff.email], env);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toContain('created 2 cases');

      const bad = await caseListFile('process-bad.xlsx', [badRow(1)]);
      const refused = await runHabeasCli(['cases', 'import', bad, '--as', staff.email], env);
      expect(refused.code).toBe(2);
      expect(refused.stdout).toContain('Line 2, column B «Дата рождения»');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
