import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  caseListHeaders,
  caseListRow,
  rowsOfXlsx,
  xlsxOf,
} from '../../../test/support/case-lists.ts';
import { buildEnrolledStaff } from '../../../test/support/staff-fixtures.ts';
import { testClock } from '../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../test/support/test-databases.ts';
import type { Role } from '../../domain/access/roles.ts';
import { suggestMapping } from '../../domain/imports/import-fields.ts';
import { buildPorts } from '../../server/container.ts';
import { authenticateSession } from '../accounts/authenticate-session.ts';
import { verifyAuditLog } from '../audit/verify-audit-log.ts';
import { createCaseFile } from '../cases/create-case-file.ts';
import { grantCaseAccess } from '../cases/grant-case-access.ts';
import { readCaseFile } from '../cases/read-case-file.ts';
import { createOrganisation } from '../organisations/create-organisation.ts';
import { setEscrowKey } from '../organisations/init-escrow.ts';
import type { Ports } from '../ports/ports.ts';
import { ImportRefusedError } from './check-import-rows.ts';
import { exportMyCases } from './export-my-cases.ts';
import { type ImportProgress, importCases } from './import-cases.ts';
import { previewCaseImport } from './preview-case-import.ts';

const moscow = 180;
const columns = suggestMapping(caseListHeaders);

describe.each(testDialects())('importing and exporting case lists [$name]', (dialect) => {
  let database: TestDatabase;
  let ports: Ports;
  let orgId: string;

  beforeEach(async () => {
    database = await dialect.open();
    ports = buildPorts(database, { clock: testClock() });
    orgId = (await createOrganisation(ports, { name: 'Test group' })).id;
    await setEscrowKey(ports, { orgId });
  });
  afterEach(async () => {
    await database.close();
  });

  async function staff(roles: Role[]) {
    const enrolled = await buildEnrolledStaff(ports, { orgId, roles });
    return {
      ...enrolled,
      session: await authenticateSession(ports, enrolled.sessionToken, 'full'),
    };
  }

  async function count(table: 'case_files' | 'persons' | 'timeline_events' | 'draft_matters') {
    const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(
      table,
    )}`.execute(database.db);
    return Number(result.rows[0]?.n);
  }

  async function auditActions() {
    const rows = await database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'details'])
      .orderBy('seq')
      .execute();
    return rows.map((row) => ({ ...row, details: JSON.parse(row.details) }));
  }

  it('opens a sealed case per row, with the detention and draft matter, audited, the list suggesting its own mapping', async () => {
    const lawyer = await staff(['lawyer']);
    const coordinator = await staff(['coordinator']);
    const file = await xlsxOf(caseListHeaders, [caseListRow(1), caseListRow(2)]);

    const preview = await previewCaseImport(ports, lawyer.session, {
      file,
      offsetMinutes: moscow,
    });
    expect(preview).toMatchObject({
      format: 'xlsx',
      headers: caseListHeaders,
      columns,
      mappingProblems: [],
      rows: { read: 2, valid: 2, invalid: 0, blank: 0 },
      wouldCreate: { cases: 2, detentions: 2, draftMatters: 2, appeals: 2 },
      problems: [],
    });
    expect(await count('case_files')).toBe(0);

    const outcome = await importCases(ports, lawyer.session, {
      file,
      columns,
      offsetMinutes: moscow,
      invalidRows: 'refuse',
    });
    expect(outcome).toMatchObject({ created: 2, skipped: 0, problems: [] });

    const stored = JSON.stringify((await sql`select * from persons`.execute(database.db)).rows);
    expect(stored).not.toContain('Иванов1');
    const caseIds = (await database.db.selectFrom('case_files').select('id').execute()).map(
      (row) => row.id,
    );
    for (const reader of [lawyer, coordinator]) {
      const opened = await Promise.all(
        caseIds.map((caseId) => readCaseFile(ports, reader.session, caseId)),
      );
      const first = opened.find((found) => found.persons[0]?.fullName.startsWith('Иванов1 '));
      expect(first).toMatchObject({
        caseFile: { assigneeIds: [lawyer.userId], createdBy: lawyer.userId },
        persons: [{ fullName: 'Иванов1 Пётр Сергеевич', birthDate: '2006-05-02' }],
        timeline: [
          {
            kind: 'detained',
            occurredAt: new Date('2026-10-02T06:40:00Z'),
            note: 'Метро Тверская',
            recordedBy: lawyer.userId,
          },
        ],
        draftMatter: {
          draftDecision: { by: 'municipal', madeOn: '2026-10-01' },
          notice: { kind: 'paper', signedFor: '2026-09-20' },
          medicalCategory: 'B',
          appeals: [{ filedDate: '2026-10-15', caseNumber: '2а-1/2026', status: 'pending' }],
        },
      });
    }

    const audit = await auditActions();
    const imported = audit.filter((entry) => entry.action === 'case.created');
    expect(imported).toHaveLength(2);
    expect(imported[0]).toMatchObject({
      actor_user_id: lawyer.userId,
      details: { import: outcome.importId, sealedTo: 3 },
    });
    expect(audit.find((entry) => entry.action === 'cases.imported')).toMatchObject({
      actor_user_id: lawyer.userId,
      details: { format: 'xlsx', rows: 2, created: 2, skipped: 0, blank: 0 },
    });
    expect((await verifyAuditLog(ports))[0]?.chainBreak).toBeNull();
  });

  it('refuses the whole file when a row is wrong, naming every bad row, and writes nothing', async () => {
    const lawyer = await staff(['lawyer']);
    const bad = caseListRow(2);
    bad[1] = '31.02.2006';
    const worse = caseListRow(4);
    worse[3] = '01.01.2030 10:00';
    const file = await xlsxOf(caseListHeaders, [caseListRow(1), bad, caseListRow(3), worse]);

    const refusal = await importCases(ports, lawyer.session, {
      file,
      columns,
      offsetMinutes: moscow,
      invalidRows: 'refuse',
    }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ImportRefusedError);
    expect(refusal).toMatchObject({
      code: 'IMPORT_REFUSED',
      invalidRows: 2,
      rowProblems: [
        { line: 3, column: 1, field: 'birthDate' },
        { line: 5, column: 3, field: 'detainedAt' },
      ],
    });
    expect(await count('case_files')).toBe(0);
    expect(await count('persons')).toBe(0);
    expect((await auditActions()).map((entry) => entry.action)).not.toContain('cases.imported');
  });

  it('skips bad rows when asked, imports the rest and reports what it skipped', async () => {
    const lawyer = await staff(['lawyer']);
    const bad = caseListRow(2);
    bad[8] = 'Ж';
    const file = await xlsxOf(caseListHeaders, [caseListRow(1), bad, [], caseListRow(3)]);
    const outcome = await importCases(ports, lawyer.session, {
      file,
      columns,
      offsetMinutes: moscow,
      invalidRows: 'skip',
    });
    expect(outcome).toMatchObject({
      created: 2,
      skipped: 1,
      problems: [{ line: 3, field: 'medicalCategory' }],
    });
    expect(await count('case_files')).toBe(2);
    expect(await count('timeline_events')).toBe(2);
    expect(await count('draft_matters')).toBe(2);
  });

  it('reports progress while checking and while writing', async () => {
    const lawyer = await staff(['lawyer']);
    const file = await xlsxOf(
      caseListHeaders,
      Array.from({ length: 1_200 }, (_, index) => caseListRow(index)),
    );
    const progress: ImportProgress[] = [];
    await importCases(ports, lawyer.session, {
      file,
      columns,
      offsetMinutes: moscow,
      invalidRows: 'refuse',
      onProgress: (step) => {
        progress.push(step);
      },
    });
    expect(progress.filter((step) => step.phase === 'checking')).toEqual([
      { phase: 'checking', rowsRead: 500 },
      { phase: 'checking', rowsRead: 1_000 },
    ]);
    for (const phase of ['sealing', 'writing'] as const) {
      expect(progress.filter((step) => step.phase === phase)).toEqual(
        Array.from({ length: 12 }, (_, index) => ({
          phase,
          done: (index + 1) * 100,
          total: 1_200,
        })),
      );
    }
  });

  it('refuses to write when who the cases are sealed to changed while they were sealed', async () => {
    const lawyer = await staff(['lawyer']);
    const file = await xlsxOf(caseListHeaders, [caseListRow(1)]);
    let joined = false;
    await expect(
      importCases(ports, lawyer.session, {
        file,
        columns,
        offsetMinutes: moscow,
        invalidRows: 'refuse',
        onProgress: async (step) => {
          if (step.phase !== 'sealing' || joined) return;
          joined = true;
          await buildEnrolledStaff(ports, { orgId, roles: ['coordinator'] });
        },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await count('case_files')).toBe(0);
  });

  it('refuses a mapping without the name column before reading a row', async () => {
    const lawyer = await staff(['lawyer']);
    const file = await xlsxOf(caseListHeaders, [caseListRow(1)]);
    await expect(
      importCases(ports, lawyer.session, {
        file,
        columns: columns.map((field) => (field === 'fullName' ? null : field)),
        offsetMinutes: moscow,
        invalidRows: 'skip',
      }),
    ).rejects.toMatchObject({ code: 'IMPORT_REFUSED', mappingProblems: [{ column: null }] });
  });

  it('lets only staff who may open cases import them', async () => {
    const volunteer = await staff(['volunteer']);
    const file = await xlsxOf(caseListHeaders, [caseListRow(1)]);
    await expect(
      importCases(ports, volunteer.session, {
        file,
        columns,
        offsetMinutes: moscow,
        invalidRows: 'refuse',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      previewCaseImport(ports, volunteer.session, { file, offsetMinutes: moscow }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('imports from the command line on behalf of a staff member, with public keys only', async () => {
    const lawyer = await staff(['lawyer']);
    const file = await xlsxOf(caseListHeaders, [caseListRow(1)]);
    await importCases(
      ports,
      { system: 'cli', onBehalfOf: { email: lawyer.email } },
      { file, columns, offsetMinutes: moscow, invalidRows: 'refuse' },
    );
    const [caseFile] = await database.db.selectFrom('case_files').select('id').execute();
    const opened = await readCaseFile(ports, lawyer.session, caseFile?.id ?? '');
    expect(opened.caseFile.assigneeIds).toEqual([lawyer.userId]);
    const audit = await auditActions();
    expect(audit.find((entry) => entry.action === 'cases.imported')).toMatchObject({
      actor_user_id: null,
      details: { via: 'cli', onBehalfOf: lawyer.userId },
    });
    await expect(
      importCases(
        ports,
        { system: 'cli', onBehalfOf: { email: 'nobody@example.org' } },
        { file, columns, offsetMinutes: moscow, invalidRows: 'refuse' },
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a file whose content is not what it was declared to be', async () => {
    const lawyer = await staff(['lawyer']);
    const csv = new TextEncoder().encode('ФИО\nИванов\n');
    await expect(
      previewCaseImport(ports, lawyer.session, {
        file: csv,
        declaredFormat: 'xlsx',
        offsetMinutes: moscow,
      }),
    ).rejects.toMatchObject({ code: 'SPREADSHEET_UNREADABLE', detail: 'not-a-spreadsheet' });
    const preview = await previewCaseImport(ports, lawyer.session, {
      file: csv,
      declaredFormat: 'csv',
      offsetMinutes: moscow,
    });
    expect(preview.rows.valid).toBe(1);
  });

  it('exports only the cases the reader may open, each read audited, formulas neutralised', async () => {
    const lawyer = await staff(['lawyer']);
    const other = await staff(['lawyer']);
    const coordinator = await staff(['coordinator']);
    const { caseId } = await createCaseFile(ports, lawyer.session, {
      person: {
        fullName: '=HYPERLINK("http://evil.example","Иванов")',
        birthDate: '2006-05-12',
        phone: '+7 916 123-45-67',
        notes: null,
      },
    });
    await createCaseFile(ports, other.session, {
      person: { fullName: 'Чужой', birthDate: null, phone: null, notes: null },
    });

    const mine = await exportMyCases(ports, lawyer.session, {
      language: 'ru',
      offsetMinutes: moscow,
    });
    expect(mine).toMatchObject({ exported: 1, unopened: 0, refused: 0 });
    expect(mine.fileName).toMatch(/^habeas-cases-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const [headers, row] = await rowsOfXlsx(mine.file);
    expect(headers?.slice(0, 6)).toEqual([
      'ID в Habeas',
      'Статус',
      'Открыто',
      'ФИО',
      'Дата рождения',
      'Телефон',
    ]);
    expect(row?.slice(0, 6)).toEqual([
      caseId,
      'открыто',
      expect.any(Date),
      `'=HYPERLINK("http://evil.example","Иванов")`,
      new Date(Date.UTC(2006, 4, 12)),
      "'+7 916 123-45-67",
    ]);
    const reads = (await auditActions()).filter(
      (entry) => entry.action === 'case.read' && entry.actor_user_id === lawyer.userId,
    );
    expect(reads).toEqual([expect.objectContaining({ details: { persons: 1, via: 'export' } })]);

    // The coordinator sees both cases but was sealed only the one he holds a key to... both,
    // since cases opened by staff are sealed to coordinators.
    const all = await exportMyCases(ports, coordinator.session, {
      language: 'en',
      offsetMinutes: moscow,
    });
    expect(all).toMatchObject({ exported: 2, unopened: 0 });
    const audit = await auditActions();
    expect(audit.at(-1)).toMatchObject({
      action: 'cases.exported',
      actor_user_id: coordinator.userId,
      details: { exported: 2, unopened: 0, refused: 0 },
    });
  });

  it('counts the cases a coordinator may see but holds no key to, and leaves them out', async () => {
    const lawyer = await staff(['lawyer']);
    await createCaseFile(ports, lawyer.session, {
      person: { fullName: 'Иванов', birthDate: null, phone: null, notes: null },
    });
    // Joined after the case was opened: nothing was sealed to him.
    const coordinator = await staff(['coordinator']);
    const exported = await exportMyCases(ports, coordinator.session, {
      language: 'ru',
      offsetMinutes: moscow,
    });
    expect(exported).toMatchObject({ exported: 0, unopened: 1 });
    expect(await rowsOfXlsx(exported.file)).toHaveLength(1);
    // Once shared, it is exported.
    const [caseFile] = await database.db.selectFrom('case_files').select('id').execute();
    await grantCaseAccess(ports, lawyer.session, {
      caseId: caseFile?.id ?? '',
      userId: coordinator.userId,
    });
    expect(
      await exportMyCases(ports, coordinator.session, { language: 'ru', offsetMinutes: moscow }),
    ).toMatchObject({ exported: 1, unopened: 0 });
  });
});
