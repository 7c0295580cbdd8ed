import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEnrolledStaff } from '../../../test/support/staff-fixtures.ts';
import { testClock } from '../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../test/support/test-databases.ts';
import type { Role } from '../../domain/access/roles.ts';
import type { Place } from '../../domain/places/place.ts';
import type { TimelineEventKind } from '../../domain/timeline/timeline-event.ts';
import { buildPorts } from '../../server/container.ts';
import { authenticateSession } from '../accounts/authenticate-session.ts';
import { closeCaseFile } from '../cases/close-case-file.ts';
import { createCaseFile } from '../cases/create-case-file.ts';
import { deleteCaseFile } from '../cases/delete-case-file.ts';
import { mergeCaseFiles } from '../cases/merge-case-files.ts';
import { createOrganisation } from '../organisations/create-organisation.ts';
import { setEscrowKey } from '../organisations/init-escrow.ts';
import type { Ports } from '../ports/ports.ts';
import { recordTimelineEvent } from '../timeline/record-timeline-event.ts';
import { readCasePublication } from './read-case-publication.ts';
import { readPublicStats } from './read-public-stats.ts';
import { readRiskNote } from './read-risk-note.ts';
import { setCasePublication } from './set-case-publication.ts';

describe.each(testDialects())('public statistics and publication consent [$name]', (dialect) => {
  let database: TestDatabase;
  let ports: Ports;
  let orgId: string;
  let station: Place;
  let otherStation: Place;

  beforeEach(async () => {
    database = await dialect.open();
    ports = buildPorts(database, { clock: testClock(new Date('2026-11-20T12:00:00Z')) });
    orgId = (await createOrganisation(ports, { name: 'Test group' })).id;
    await setEscrowKey(ports, { orgId });
    const stations = await ports.unitOfWork.run((repositories) =>
      repositories.places.search(orgId, { kinds: ['metro-station'], query: '', limit: 2 }),
    );
    [station, otherStation] = stations as [Place, Place];
  });
  afterEach(async () => {
    await database.close();
  });

  async function staff(roles: Role[]) {
    const enrolled = await buildEnrolledStaff(ports, { orgId, roles });
    return await authenticateSession(ports, enrolled.sessionToken, 'full');
  }

  /** A case with one detention per given time, at the place given. */
  async function caseWithDetentions(
    session: Awaited<ReturnType<typeof staff>>,
    times: string[],
    placeId: string,
    more: { kind: TimelineEventKind; at: string }[] = [],
  ) {
    const { caseId } = await createCaseFile(ports, session, {
      person: { fullName: 'Иванов Иван', birthDate: '2004-05-06', phone: null, notes: null },
    });
    for (const at of times) {
      await recordTimelineEvent(ports, session, caseId, {
        kind: 'detained',
        occurredAt: new Date(at),
        placeId,
        powerOfAttorney: null,
        note: null,
      });
    }
    for (const event of more) {
      await recordTimelineEvent(ports, session, caseId, {
        kind: event.kind,
        occurredAt: new Date(event.at),
        placeId: null,
        powerOfAttorney: null,
        note: null,
      });
    }
    return caseId;
  }

  const twelveDetentions = Array.from(
    { length: 12 },
    (_, i) => `2026-11-${String(16 + (i % 4)).padStart(2, '0')}T0${i % 9}:00:00Z`,
  );

  it('counts nothing until a coordinator marks the case publishable, and audits the change', async () => {
    const coordinator = await staff(['coordinator']);
    const caseId = await caseWithDetentions(coordinator, twelveDetentions, station.id);
    expect((await readCasePublication(ports, coordinator, caseId)).publishable).toBe(false);
    expect((await readPublicStats(ports)).weeks).toEqual([]);
    expect(await readRiskNote(ports)).toEqual([]);

    await setCasePublication(ports, coordinator, { caseId, publishable: true });
    const stats = await readPublicStats(ports);
    expect(stats.totals.detained).toBe(12);
    expect(stats.weeks.map((week) => [week.week, week.counts.detained])).toEqual([
      ['2026-W47', 12],
    ]);
    expect(stats.places.map((row) => [row.place.id, row.counts.detained])).toEqual([
      [station.id, 12],
    ]);
    expect((await readRiskNote(ports)).map((place) => place.id)).toEqual([station.id]);

    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'subject_id', 'details'])
      .where('action', '=', 'case.publication-changed')
      .execute();
    expect(audit).toEqual([
      { action: 'case.publication-changed', subject_id: caseId, details: '{"publishable":true}' },
    ]);

    await setCasePublication(ports, coordinator, { caseId, publishable: false });
    expect((await readPublicStats(ports)).weeks).toEqual([]);
  });

  it('lets only coordinators decide, not even the lawyer on the case', async () => {
    const lawyer = await staff(['lawyer', 'operator', 'volunteer', 'admin']);
    const caseId = await caseWithDetentions(lawyer, [twelveDetentions[0] ?? ''], station.id);
    expect((await readCasePublication(ports, lawyer, caseId)).publishable).toBe(false);
    await expect(
      setCasePublication(ports, lawyer, { caseId, publishable: true }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps counting a closed case, stops counting a deleted one and refuses consent to it', async () => {
    const coordinator = await staff(['coordinator']);
    const closed = await caseWithDetentions(coordinator, twelveDetentions, station.id, [
      { kind: 'released', at: '2026-11-19T20:00:00Z' },
    ]);
    const deleted = await caseWithDetentions(coordinator, twelveDetentions, otherStation.id);
    for (const caseId of [closed, deleted]) {
      await setCasePublication(ports, coordinator, { caseId, publishable: true });
    }
    await closeCaseFile(ports, coordinator, closed);
    expect((await readPublicStats(ports)).totals.detained).toBe(24);

    await deleteCaseFile(ports, coordinator, deleted);
    const stats = await readPublicStats(ports);
    expect(stats.totals.detained).toBe(12);
    expect(stats.totals.released).toBe('<10');
    await expect(
      setCasePublication(ports, coordinator, { caseId: deleted, publishable: true }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('counts a merged duplicate through the case it went into, and refuses consent to it', async () => {
    const coordinator = await staff(['coordinator']);
    const kept = await caseWithDetentions(coordinator, twelveDetentions, station.id);
    const duplicate = await caseWithDetentions(coordinator, twelveDetentions, station.id);
    await setCasePublication(ports, coordinator, { caseId: kept, publishable: true });
    expect((await readPublicStats(ports)).totals.detained).toBe(12);
    await mergeCaseFiles(ports, coordinator, { keptCaseId: kept, duplicateCaseId: duplicate });
    expect((await readPublicStats(ports)).totals.detained).toBe(24);
    await expect(
      setCasePublication(ports, coordinator, { caseId: duplicate, publishable: true }),
    ).rejects.toMatchObject({ code: 'CASE_MERGED' });
  });

  it('names in the risk note only stations with a detention in the last 7 days', async () => {
    const coordinator = await staff(['coordinator']);
    const recent = await caseWithDetentions(coordinator, ['2026-11-19T08:00:00Z'], station.id);
    const old = await caseWithDetentions(coordinator, ['2026-11-10T08:00:00Z'], otherStation.id);
    for (const caseId of [recent, old]) {
      await setCasePublication(ports, coordinator, { caseId, publishable: true });
    }
    expect((await readRiskNote(ports)).map((place) => place.nameRu)).toEqual([station.nameRu]);
  });
});
