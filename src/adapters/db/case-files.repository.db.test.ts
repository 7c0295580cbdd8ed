import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEnrolledStaff } from '../../../test/support/staff-fixtures.ts';
import { testClock } from '../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../test/support/test-databases.ts';
import {
  type AuthenticatedSession,
  authenticateSession,
} from '../../app/accounts/authenticate-session.ts';
import { closeCaseFile } from '../../app/cases/close-case-file.ts';
import { createCaseFile } from '../../app/cases/create-case-file.ts';
import { deleteCaseFile } from '../../app/cases/delete-case-file.ts';
import { setEscrowKey } from '../../app/organisations/init-escrow.ts';
import type { Ports } from '../../app/ports/ports.ts';
import type { CaseListFilter } from '../../app/ports/repositories.ts';
import { recordTimelineEvent } from '../../app/timeline/record-timeline-event.ts';
import { buildPorts } from '../../server/container.ts';
import { sodiumRecordSealing } from '../crypto/sodium-keys.ts';
import { caseFilesRepository } from './case-files.repository.ts';

describe.each(testDialects())('case list storage [$name]', (dialect) => {
  let database: TestDatabase;
  let clock: ReturnType<typeof testClock>;
  let ports: Ports;
  let session: AuthenticatedSession;
  let orgId: string;

  beforeEach(async () => {
    database = await dialect.open();
    clock = testClock(new Date('2026-11-20T12:00:00Z'));
    ports = buildPorts(database, { clock });
    const coordinator = await buildEnrolledStaff(ports, { roles: ['coordinator'] });
    orgId = coordinator.orgId;
    await setEscrowKey(ports, { orgId });
    session = await authenticateSession(ports, coordinator.sessionToken, 'full');
  });
  afterEach(async () => {
    await database.close();
  });

  async function openCase(fullName: string, detainedAt: string | null) {
    clock.advance(60_000);
    const { caseId } = await createCaseFile(ports, session, {
      person: { fullName, birthDate: '2005-03-04', phone: null, notes: null },
    });
    if (detainedAt !== null) {
      await recordTimelineEvent(ports, session, caseId, {
        kind: 'detained',
        occurredAt: new Date(clock.now().getTime() - 30 * 60_000),
        placeId: detainedAt,
        powerOfAttorney: null,
        note: null,
      });
    }
    return caseId;
  }

  it('lists the cases seen at a place alike, read through the place or checked while walking the newest', async () => {
    const first = await openCase('Первый Задержанный', 'metro-station-1');
    const elsewhere = await openCase('Другой Задержанный', 'metro-station-2');
    const closed = await openCase('Закрытый Задержанный', 'metro-station-1');
    await closeCaseFile(ports, session, closed);
    await openCase('Без Задержания', null);
    const latest = await openCase('Последний Задержанный', 'metro-station-1');

    const listed = (threshold: number, filter: Omit<CaseListFilter, 'limit'>) =>
      database.db.transaction().execute(async (trx) =>
        (
          await caseFilesRepository(trx, sodiumRecordSealing(), {
            placeCasesReadThroughPlace: threshold,
          }).listFrames(orgId, { ...filter, limit: 200 })
        ).map((entry) => entry.caseFile.id),
      );
    // 1000 cases read through the place; 0 sends every place to the walk over the newest cases.
    for (const threshold of [1000, 0]) {
      expect(await listed(threshold, { status: 'open', placeId: 'metro-station-1' })).toEqual([
        latest,
        first,
      ]);
      expect(await listed(threshold, { status: 'closed', placeId: 'metro-station-1' })).toEqual([
        closed,
      ]);
      expect(await listed(threshold, { status: 'open', placeId: 'metro-station-2' })).toEqual([
        elsewhere,
      ]);
      expect(await listed(threshold, { status: 'open', placeId: 'metro-station-9' })).toEqual([]);
    }
  });

  it('offers no deleted case as a likely duplicate', async () => {
    const kept = await openCase('Двойников Пётр Ильич', null);
    const deleted = await openCase('Двойников Пётр Ильич', null);
    const duplicatesOfKept = () =>
      ports.unitOfWork.run(async (repositories) =>
        (await repositories.caseFiles.findLikelyDuplicates(orgId, [kept])).get(kept),
      );
    expect(await duplicatesOfKept()).toEqual([deleted]);

    await deleteCaseFile(ports, session, deleted);
    expect(await duplicatesOfKept()).toBeUndefined();
  });
});
