import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEnrolledStaff } from '../../../test/support/staff-fixtures.ts';
import { testClock } from '../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../test/support/test-databases.ts';
import type { Role } from '../../domain/access/roles.ts';
import { draftMatter } from '../../domain/cases/draft-matter.ts';
import { buildPorts } from '../../server/container.ts';
import { authenticateSession } from '../accounts/authenticate-session.ts';
import { verifyAuditLog } from '../audit/verify-audit-log.ts';
import { createOrganisation } from '../organisations/create-organisation.ts';
import { setEscrowKey } from '../organisations/init-escrow.ts';
import type { Ports } from '../ports/ports.ts';
import { recordTimelineEvent } from '../timeline/record-timeline-event.ts';
import { createCaseFile } from './create-case-file.ts';
import { grantCaseAccess } from './grant-case-access.ts';
import { mergeCaseFiles } from './merge-case-files.ts';
import { readCaseFile } from './read-case-file.ts';
import { saveDraftMatter } from './save-draft-matter.ts';

describe.each(testDialects())('merging duplicate cases [$name]', (dialect) => {
  let database: TestDatabase;
  let ports: Ports;
  let orgId: string;

  beforeEach(async () => {
    database = await dialect.open();
    ports = buildPorts(database, { clock: testClock(new Date('2026-11-20T12:00:00Z')) });
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

  async function caseOf(
    session: Awaited<ReturnType<typeof staff>>['session'],
    fullName: string,
    appealId: string,
  ) {
    const { caseId } = await createCaseFile(ports, session, {
      person: { fullName, birthDate: '2004-05-06', phone: null, notes: `заметка ${appealId}` },
    });
    await recordTimelineEvent(ports, session, caseId, {
      kind: 'note',
      occurredAt: new Date('2026-11-20T09:00:00Z'),
      placeId: null,
      powerOfAttorney: null,
      note: `событие ${appealId}`,
    });
    await saveDraftMatter(
      ports,
      session,
      caseId,
      draftMatter.parse({
        appeals: [
          {
            id: appealId,
            level: 'court',
            against: 'municipal',
            filedDate: '2026-10-10',
            status: 'pending',
          },
        ],
      }),
    );
    return caseId;
  }

  it('moves persons, timeline and appeals into the kept case and closes the duplicate', async () => {
    const coordinator = await staff(['coordinator']);
    const lawyer = await staff(['lawyer']);
    const kept = await caseOf(coordinator.session, 'Иванов Иван', 'kept-appeal');
    const duplicate = await caseOf(coordinator.session, 'Ivanov Ivan', 'duplicate-appeal');
    await grantCaseAccess(ports, coordinator.session, { caseId: duplicate, userId: lawyer.userId });

    await mergeCaseFiles(ports, coordinator.session, {
      keptCaseId: kept,
      duplicateCaseId: duplicate,
    });

    const opened = await readCaseFile(ports, coordinator.session, kept);
    expect(opened.persons.map((person) => person.fullName).sort()).toEqual([
      'Ivanov Ivan',
      'Иванов Иван',
    ]);
    expect(opened.timeline.map((event) => event.note).sort()).toEqual([
      'событие duplicate-appeal',
      'событие kept-appeal',
    ]);
    expect(opened.draftMatter.appeals.map((appeal) => appeal.id)).toEqual([
      'kept-appeal',
      'duplicate-appeal',
    ]);

    // The lawyer who worked the duplicate follows its records into the kept case.
    expect((await readCaseFile(ports, lawyer.session, kept)).persons).toHaveLength(2);

    const gone = await database.db
      .selectFrom('case_files')
      .select(['status', 'merged_into', 'data_key_id'])
      .where('id', '=', duplicate)
      .executeTakeFirstOrThrow();
    expect(gone).toEqual({ status: 'closed', merged_into: kept, data_key_id: null });
    const leftovers = await database.db
      .selectFrom('case_key_wraps')
      .select('case_id')
      .where('case_id', '=', duplicate)
      .execute();
    expect(leftovers).toEqual([]);
    await expect(readCaseFile(ports, coordinator.session, duplicate)).rejects.toMatchObject({
      code: 'KEY_UNAVAILABLE',
    });
    expect((await verifyAuditLog(ports))[0]?.chainBreak).toBeNull();
  });

  it('refuses a lawyer, a case merged into itself, and a duplicate already merged', async () => {
    const coordinator = await staff(['coordinator']);
    const lawyer = await staff(['lawyer']);
    const kept = await caseOf(coordinator.session, 'Иванов Иван', 'a');
    const duplicate = await caseOf(coordinator.session, 'Иванов Иван', 'b');
    await expect(
      mergeCaseFiles(ports, lawyer.session, { keptCaseId: kept, duplicateCaseId: duplicate }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      mergeCaseFiles(ports, coordinator.session, { keptCaseId: kept, duplicateCaseId: kept }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await mergeCaseFiles(ports, coordinator.session, {
      keptCaseId: kept,
      duplicateCaseId: duplicate,
    });
    await expect(
      mergeCaseFiles(ports, coordinator.session, { keptCaseId: kept, duplicateCaseId: duplicate }),
    ).rejects.toMatchObject({ code: 'CASE_NOT_OPEN' });
  });
});
