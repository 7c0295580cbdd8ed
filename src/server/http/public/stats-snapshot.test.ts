import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedStatsCases } from '../../../../test/support/stats-fixtures.ts';
import { testClock } from '../../../../test/support/test-clock.ts';
import { sqliteTestDialect, type TestDatabase } from '../../../../test/support/test-databases.ts';
import { createOrganisation } from '../../../app/organisations/create-organisation.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import { buildPorts } from '../../container.ts';
import { statsSnapshot } from './stats-snapshot.ts';

describe('the statistics snapshot', () => {
  let database: TestDatabase;
  let clock: ReturnType<typeof testClock>;
  let ports: Ports;
  let orgId: string;

  beforeEach(async () => {
    database = await sqliteTestDialect.open();
    clock = testClock(new Date('2026-11-20T12:00:00Z'));
    ports = buildPorts(database, { clock });
    orgId = (await createOrganisation(ports, { name: 'Test group' })).id;
  });
  afterEach(async () => {
    await database.close();
  });

  const detentions = (cases: number) =>
    seedStatsCases(database.db, orgId, [
      {
        cases,
        publishable: true,
        events: [{ kind: 'detained', at: '2026-11-18T07:00:00Z', placeId: null }],
      },
    ]);

  it('answers from the last computation, and once it is stale starts the next without waiting', async () => {
    await detentions(10);
    const current = statsSnapshot(ports, 60_000);
    expect((await current()).totals.detained).toBe(10);

    await detentions(2);
    clock.advance(59_000);
    expect((await current()).totals.detained).toBe(10);
    clock.advance(1_000);
    // Stale: this answer is the old one, and it set off the new computation.
    expect((await current()).totals.detained).toBe(10);
    await expect.poll(async () => (await current()).totals.detained).toBe(12);
  });
});
