import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseListHeaders, caseListRow, xlsxOf } from '../../../test/support/case-lists.ts';
import { buildEnrolledStaff } from '../../../test/support/staff-fixtures.ts';
import { testClock } from '../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../test/support/test-databases.ts';
import { suggestMapping } from '../../domain/imports/import-fields.ts';
import { buildPorts } from '../../server/container.ts';
import { authenticateSession } from '../accounts/authenticate-session.ts';
import { verifyAuditLog } from '../audit/verify-audit-log.ts';
import { createOrganisation } from '../organisations/create-organisation.ts';
import { setEscrowKey } from '../organisations/init-escrow.ts';
import type { Ports } from '../ports/ports.ts';
import { ImportRefusedError } from './check-import-rows.ts';
import { type ImportProgress, importCases } from './import-cases.ts';

const rowCount = 10_000;
/** Rows (0-based, under the header) whose birth date cannot exist. */
const badRows = [1_234, 5_678, 9_999];

describe.each(testDialects())('a 10,000-row case list [$name]', (dialect) => {
  let database: TestDatabase;
  let ports: Ports;
  let file: Uint8Array;

  beforeAll(async () => {
    database = await dialect.open();
    ports = buildPorts(database, { clock: testClock() });
    file = await xlsxOf(
      caseListHeaders,
      Array.from({ length: rowCount }, (_, index) => {
        const row = caseListRow(index);
        if (badRows.includes(index)) row[1] = '30.02.2006';
        return row;
      }),
    );
  });
  afterAll(async () => {
    await database.close();
  });

  async function caseCount(): Promise<number> {
    const result = await sql<{ n: number | string }>`select count(*) as n from case_files`.execute(
      database.db,
    );
    return Number(result.rows[0]?.n);
  }

  it('refuses the list for its three bad dates, by line number, then imports the rest when told to skip them', async () => {
    const orgId = (await createOrganisation(ports, { name: 'Test group' })).id;
    await setEscrowKey(ports, { orgId });
    const lawyer = await buildEnrolledStaff(ports, { orgId, roles: ['lawyer'] });
    const session = await authenticateSession(ports, lawyer.sessionToken, 'full');
    const request = { file, columns: suggestMapping(caseListHeaders), offsetMinutes: 180 };

    const refusal = await importCases(ports, session, {
      ...request,
      invalidRows: 'refuse',
    }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ImportRefusedError);
    const { rowProblems, invalidRows } = refusal as ImportRefusedError;
    expect(invalidRows).toBe(3);
    // The header is line 1, so the row at index i is line i + 2.
    expect(rowProblems.map((problem) => [problem.line, problem.field])).toEqual(
      badRows.map((index) => [index + 2, 'birthDate']),
    );
    expect(await caseCount()).toBe(0);

    const progress: ImportProgress[] = [];
    const outcome = await importCases(ports, session, {
      ...request,
      invalidRows: 'skip',
      onProgress: (step) => {
        progress.push(step);
      },
    });
    expect(outcome).toMatchObject({ created: rowCount - 3, skipped: 3 });
    expect(outcome.problems.map((problem) => problem.line)).toEqual(
      badRows.map((index) => index + 2),
    );
    expect(progress.filter((step) => step.phase === 'checking').at(-1)).toEqual({
      phase: 'checking',
      rowsRead: 10_000,
    });
    for (const phase of ['sealing', 'writing'] as const) {
      const done = progress.flatMap((step) => (step.phase === phase ? [step.done] : []));
      expect(done).toHaveLength(100);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      expect(done.at(-1)).toBe(9_997);
    }
    // Every case is sealed before the transaction that writes them starts.
    expect(progress.findIndex((step) => step.phase === 'writing')).toBe(
      progress.findLastIndex((step) => step.phase === 'sealing') + 1,
    );
    expect(await caseCount()).toBe(rowCount - 3);
    expect((await verifyAuditLog(ports))[0]?.chainBreak).toBeNull();
    // Sealing 10,000 keys takes tens of seconds of CPU on a busy 2-core machine.
  }, 600_000);
});
