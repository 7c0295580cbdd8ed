import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEnrolledStaff } from '../../../test/support/staff-fixtures.ts';
import { testClock } from '../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../test/support/test-databases.ts';
import type { Role } from '../../domain/access/roles.ts';
import { draftMatter } from '../../domain/cases/draft-matter.ts';
import { buildPorts } from '../../server/container.ts';
import { authenticateSession } from '../accounts/authenticate-session.ts';
import { createCaseFile } from '../cases/create-case-file.ts';
import { deleteCaseFile } from '../cases/delete-case-file.ts';
import { readCaseFile } from '../cases/read-case-file.ts';
import { saveDraftMatter } from '../cases/save-draft-matter.ts';
import { createOrganisation } from '../organisations/create-organisation.ts';
import { setEscrowKey } from '../organisations/init-escrow.ts';
import { rotateCaseKeys } from '../organisations/rotate-case-keys.ts';
import type { Ports } from '../ports/ports.ts';
import { recordTimelineEvent } from './record-timeline-event.ts';

const canaryNote = 'Охранник сказал: адвокатов не пускаем CANARY-NOTE-41c7';
const canaryCaseNumber = '2а-CANARY-NUMBER-8812/2026';

describe.each(testDialects())('case timeline and draft matter [$name]', (dialect) => {
  let database: TestDatabase;
  let clock: ReturnType<typeof testClock>;
  let ports: Ports;
  let orgId: string;
  let escrowPrivateKey: string;

  beforeEach(async () => {
    database = await dialect.open();
    clock = testClock(new Date('2026-11-20T12:00:00Z'));
    ports = buildPorts(database, { clock });
    orgId = (await createOrganisation(ports, { name: 'Test group' })).id;
    escrowPrivateKey = (await setEscrowKey(ports, { orgId })).privateKey;
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

  async function openCase() {
    const coordinator = await staff(['coordinator']);
    const { caseId } = await createCaseFile(ports, coordinator.session, {
      person: { fullName: 'Иванов Иван', birthDate: '2004-05-06', phone: null, notes: null },
    });
    return { coordinator, caseId };
  }

  const event = (kind: Parameters<typeof recordTimelineEvent>[3]['kind'], at: string) => ({
    kind,
    occurredAt: new Date(at),
    placeId: null,
    powerOfAttorney: null,
    note: null,
  });

  it('keeps the timeline in time order with the note sealed, and audits each entry', async () => {
    const { coordinator, caseId } = await openCase();
    await recordTimelineEvent(ports, coordinator.session, caseId, {
      ...event('detained', '2026-11-20T08:00:00Z'),
      placeId: 'metro-station-1',
    });
    await recordTimelineEvent(ports, coordinator.session, caseId, {
      ...event('lawyer-refused-entry', '2026-11-20T11:05:00Z'),
      placeId: 'centre-1',
      powerOfAttorney: 'notarised',
      note: canaryNote,
    });
    await recordTimelineEvent(ports, coordinator.session, caseId, {
      ...event('transferred', '2026-11-20T09:00:00Z'),
      placeId: 'centre-1',
    });

    const stored = await sql<Record<string, unknown>>`select * from timeline_events`.execute(
      database.db,
    );
    expect(JSON.stringify(stored.rows)).not.toContain('CANARY-NOTE');

    const opened = await readCaseFile(ports, coordinator.session, caseId);
    expect(opened.timeline.map((entry) => entry.kind)).toEqual([
      'detained',
      'transferred',
      'lawyer-refused-entry',
    ]);
    expect(opened.timeline[2]).toMatchObject({
      note: canaryNote,
      powerOfAttorney: 'notarised',
      placeId: 'centre-1',
      recordedBy: coordinator.userId,
    });
    const audited = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', caseId)
      .where('action', '=', 'case.event-recorded')
      .execute();
    expect(audited).toHaveLength(3);
  });

  it('refuses a transfer before the detention and stores nothing', async () => {
    const { coordinator, caseId } = await openCase();
    await recordTimelineEvent(
      ports,
      coordinator.session,
      caseId,
      event('detained', '2026-11-20T08:00:00Z'),
    );
    await expect(
      recordTimelineEvent(
        ports,
        coordinator.session,
        caseId,
        event('transferred', '2026-11-20T07:00:00Z'),
      ),
    ).rejects.toMatchObject({
      code: 'FACTS_REFUSED',
      problems: [expect.objectContaining({ path: ['occurredAt'] })],
    });
    expect((await readCaseFile(ports, coordinator.session, caseId)).timeline).toHaveLength(1);
  });

  it('checks a hearing against the appeals of the draft matter', async () => {
    const { coordinator, caseId } = await openCase();
    await expect(
      recordTimelineEvent(
        ports,
        coordinator.session,
        caseId,
        event('hearing', '2026-12-02T10:00:00Z'),
      ),
    ).rejects.toMatchObject({ code: 'FACTS_REFUSED' });

    await saveDraftMatter(
      ports,
      coordinator.session,
      caseId,
      draftMatter.parse({
        draftDecision: { by: 'municipal', madeOn: '2026-10-01' },
        appeals: [
          {
            id: 'appeal-1',
            level: 'court',
            against: 'municipal',
            filedDate: '2026-10-10',
            status: 'pending',
            caseNumber: canaryCaseNumber,
          },
        ],
      }),
    );
    await recordTimelineEvent(
      ports,
      coordinator.session,
      caseId,
      event('hearing', '2026-12-02T10:00:00Z'),
    );

    const opened = await readCaseFile(ports, coordinator.session, caseId);
    expect(opened.draftMatter.appeals[0]?.caseNumber).toBe(canaryCaseNumber);
    expect(opened.timeline.map((entry) => entry.kind)).toEqual(['hearing']);
    const stored = await sql<Record<string, unknown>>`select * from draft_matters`.execute(
      database.db,
    );
    expect(JSON.stringify(stored.rows)).not.toContain('CANARY-NUMBER');
  });

  it('refuses a draft matter whose appeal predates the decision', async () => {
    const { coordinator, caseId } = await openCase();
    await expect(
      saveDraftMatter(
        ports,
        coordinator.session,
        caseId,
        draftMatter.parse({
          draftDecision: { by: 'municipal', madeOn: '2026-10-01' },
          appeals: [
            {
              id: 'a',
              level: 'court',
              against: 'municipal',
              filedDate: '2026-09-01',
              status: 'pending',
            },
          ],
        }),
      ),
    ).rejects.toMatchObject({ code: 'FACTS_REFUSED' });
    expect((await readCaseFile(ports, coordinator.session, caseId)).draftMatter.appeals).toEqual(
      [],
    );
  });

  it('keeps notes and the matter readable after key rotation and destroys them with the case', async () => {
    const { coordinator, caseId } = await openCase();
    await recordTimelineEvent(ports, coordinator.session, caseId, {
      ...event('note', '2026-11-20T10:00:00Z'),
      note: canaryNote,
    });
    await saveDraftMatter(
      ports,
      coordinator.session,
      caseId,
      draftMatter.parse({ medicalCategory: 'B' }),
    );
    await rotateCaseKeys(ports, { orgId, escrowPrivateKey });
    const opened = await readCaseFile(ports, coordinator.session, caseId);
    expect(opened.timeline[0]?.note).toBe(canaryNote);
    expect(opened.draftMatter.medicalCategory).toBe('B');

    await deleteCaseFile(ports, coordinator.session, caseId);
    const left = await sql<{ count: number | string }>`
      select (select count(*) from timeline_events) + (select count(*) from draft_matters) as count`.execute(
      database.db,
    );
    expect(Number(left.rows[0]?.count)).toBe(0);
  });

  it('lets a volunteer without access to the case record nothing', async () => {
    const { caseId } = await openCase();
    const volunteer = await staff(['volunteer']);
    await expect(
      recordTimelineEvent(ports, volunteer.session, caseId, event('note', '2026-11-20T10:00:00Z')),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
