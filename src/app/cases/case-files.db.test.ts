import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEnrolledStaff, totpCodeAt } from '../../../test/support/staff-fixtures.ts';
import { testClock } from '../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../test/support/test-databases.ts';
import { sodiumRecordSealing } from '../../adapters/crypto/sodium-keys.ts';
import type { Role } from '../../domain/access/roles.ts';
import { buildPorts } from '../../server/container.ts';
import { authenticateSession } from '../accounts/authenticate-session.ts';
import { issueEnrolmentLink } from '../accounts/issue-enrolment-link.ts';
import { logIn } from '../accounts/log-in.ts';
import { setPasswordWithToken } from '../accounts/set-password-with-token.ts';
import { verifySecondFactor } from '../accounts/verify-second-factor.ts';
import { verifyAuditLog } from '../audit/verify-audit-log.ts';
import { createOrganisation } from '../organisations/create-organisation.ts';
import { setEscrowKey } from '../organisations/init-escrow.ts';
import { restoreAccessFromEscrow } from '../organisations/restore-access-from-escrow.ts';
import { rotateCaseKeys } from '../organisations/rotate-case-keys.ts';
import { setClosedCaseRetention } from '../organisations/set-retention.ts';
import type { Ports } from '../ports/ports.ts';
import { closeCaseFile } from './close-case-file.ts';
import { createCaseFile } from './create-case-file.ts';
import { deleteCaseFile } from './delete-case-file.ts';
import { destroyExpiredCases } from './destroy-expired-cases.ts';
import { findMatchingCases } from './find-matching-cases.ts';
import { grantCaseAccess } from './grant-case-access.ts';
import { readCaseFile } from './read-case-file.ts';

const canaryPerson = {
  fullName: 'Канареечкин Тимофей CANARY-NAME-5d1e',
  birthDate: '2006-03-14',
  phone: '+7 999 CANARY-PHONE-77',
  notes: 'Задержан у метро, CANARY-NOTES-9b2c',
};

describe.each(testDialects())('sealed case files [$name]', (dialect) => {
  let database: TestDatabase;
  let clock: ReturnType<typeof testClock>;
  let ports: Ports;
  let orgId: string;
  let escrowPrivateKey: string;

  beforeEach(async () => {
    database = await dialect.open();
    clock = testClock();
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

  it('stores personal fields only sealed, and opens them for the creator and coordinators', async () => {
    const operator = await staff(['operator']);
    const coordinator = await staff(['coordinator']);
    const { caseId } = await createCaseFile(ports, operator.session, { person: canaryPerson });

    const stored = await sql<Record<string, unknown>>`select * from persons`.execute(database.db);
    const dump = JSON.stringify(stored.rows);
    expect(dump).not.toContain('CANARY');
    expect(dump).not.toContain('Канареечкин');

    for (const reader of [operator, coordinator]) {
      const opened = await readCaseFile(ports, reader.session, caseId);
      expect(opened.persons).toEqual([expect.objectContaining(canaryPerson)]);
    }
  });

  it('keeps a case closed to a lawyer until someone who holds its key grants it', async () => {
    const operator = await staff(['operator']);
    const lawyer = await staff(['lawyer']);
    const { caseId } = await createCaseFile(ports, operator.session, { person: canaryPerson });
    await expect(readCaseFile(ports, lawyer.session, caseId)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    await grantCaseAccess(ports, operator.session, { caseId, userId: lawyer.userId });
    const opened = await readCaseFile(ports, lawyer.session, caseId);
    expect(opened.persons[0]?.fullName).toBe(canaryPerson.fullName);
    expect(opened.caseFile.assigneeIds.sort()).toEqual([lawyer.userId, operator.userId].sort());
  });

  it('gives a staff member without a wrap nothing, even with direct access to the wraps', async () => {
    const operator = await staff(['operator']);
    const outsider = await staff(['lawyer']);
    const { caseId } = await createCaseFile(ports, operator.session, { person: canaryPerson });
    const wraps = await database.db
      .selectFrom('case_key_wraps')
      .selectAll()
      .where('case_id', '=', caseId)
      .execute();
    expect(wraps.map((wrap) => wrap.recipient_kind).sort()).toEqual(['escrow', 'staff']);
    const identity = outsider.session.identity;
    expect(identity).not.toBeNull();
    const sealing = sodiumRecordSealing();
    for (const wrap of wraps) {
      expect(identity && sealing.openDataKey(wrap.key_id, wrap.sealed_key, identity)).toBeNull();
    }
  });

  it('audits every read of a case file in the hash chain', async () => {
    const operator = await staff(['operator']);
    const { caseId } = await createCaseFile(ports, operator.session, { person: canaryPerson });
    await readCaseFile(ports, operator.session, caseId);
    await readCaseFile(ports, operator.session, caseId);
    const reads = await database.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'subject_id'])
      .where('action', '=', 'case.read')
      .execute();
    expect(reads).toEqual([
      { actor_user_id: operator.userId, subject_id: caseId },
      { actor_user_id: operator.userId, subject_id: caseId },
    ]);
    expect((await verifyAuditLog(ports))[0]?.chainBreak).toBeNull();
  });

  it('refuses a tampered or swapped sealed value, names the record, and audits the failure', async () => {
    const operator = await staff(['operator']);
    const first = await createCaseFile(ports, operator.session, { person: canaryPerson });
    const second = await createCaseFile(ports, operator.session, {
      person: { ...canaryPerson, fullName: 'Другой Человек' },
    });
    const [victim] = await database.db
      .selectFrom('persons')
      .selectAll()
      .where('case_id', '=', first.caseId)
      .execute();
    const [other] = await database.db
      .selectFrom('persons')
      .selectAll()
      .where('case_id', '=', second.caseId)
      .execute();
    if (victim === undefined || other === undefined) throw new Error('persons missing');

    await database.db
      .updateTable('persons')
      .set({ full_name: other.full_name })
      .where('id', '=', victim.id)
      .execute();
    await expect(readCaseFile(ports, operator.session, first.caseId)).rejects.toMatchObject({
      code: 'SEALED_DATA_REFUSED',
      detail: `persons.full_name of ${victim.id}`,
    });

    const flipped = `${victim.phone?.slice(0, -2)}${victim.phone?.endsWith('AA') ? 'BB' : 'AA'}`;
    await database.db
      .updateTable('persons')
      .set({ full_name: victim.full_name, phone: flipped })
      .where('id', '=', victim.id)
      .execute();
    await expect(readCaseFile(ports, operator.session, first.caseId)).rejects.toMatchObject({
      code: 'SEALED_DATA_REFUSED',
      detail: `persons.phone of ${victim.id}`,
    });
    const failures = await database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'case.decryption-failed')
      .execute();
    expect(failures).toHaveLength(2);
  });

  it('restores a staff member’s access from escrow after a password reset', async () => {
    const admin = await staff(['admin']);
    const operator = await staff(['operator']);
    const { caseId } = await createCaseFile(ports, operator.session, { person: canaryPerson });
    const link = await issueEnrolmentLink(ports, admin.session.actor, { email: operator.email });
    await setPasswordWithToken(ports, {
      token: link.enrolmentToken,
      password: 'a brand new passphrase',
    });
    const afterReset = await buildSessionAfterPassword(
      operator.email,
      'a brand new passphrase',
      operator.totpSecret,
    );
    await expect(readCaseFile(ports, afterReset, caseId)).rejects.toMatchObject({
      code: 'KEY_UNAVAILABLE',
    });

    await expect(
      restoreAccessFromEscrow(ports, {
        orgId,
        userId: operator.userId,
        escrowPrivateKey: ports.staffKeys.createEscrowKeyPair().privateKey,
      }),
    ).rejects.toMatchObject({ code: 'KEY_UNAVAILABLE' });
    const restored = await restoreAccessFromEscrow(ports, {
      orgId,
      userId: operator.userId,
      escrowPrivateKey,
    });
    expect(restored).toEqual({ restoredCases: 1 });
    expect((await readCaseFile(ports, afterReset, caseId)).persons[0]?.phone).toBe(
      canaryPerson.phone,
    );
  });

  it('makes a deleted case unrecoverable, escrow included, while other cases stay readable', async () => {
    const coordinator = await staff(['coordinator']);
    const kept = await createCaseFile(ports, coordinator.session, { person: canaryPerson });
    const deleted = await createCaseFile(ports, coordinator.session, {
      person: { ...canaryPerson, fullName: 'Удаляемый' },
    });
    await deleteCaseFile(ports, coordinator.session, deleted.caseId);

    await expect(readCaseFile(ports, coordinator.session, deleted.caseId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const leftovers = await database.db
      .selectFrom('case_key_wraps')
      .select('case_id')
      .where('case_id', '=', deleted.caseId)
      .execute();
    expect(leftovers).toEqual([]);
    expect(
      await restoreAccessFromEscrow(ports, { orgId, userId: coordinator.userId, escrowPrivateKey }),
    ).toEqual({
      restoredCases: 1,
    });
    expect((await readCaseFile(ports, coordinator.session, kept.caseId)).persons[0]?.fullName).toBe(
      canaryPerson.fullName,
    );
  });

  it('rotates data keys and the escrow key with every case staying readable', async () => {
    const operator = await staff(['operator']);
    const coordinator = await staff(['coordinator']);
    const cases = [
      await createCaseFile(ports, operator.session, { person: canaryPerson }),
      await createCaseFile(ports, coordinator.session, {
        person: { ...canaryPerson, fullName: 'Второй' },
      }),
    ];
    const keyIdsBefore = await database.db
      .selectFrom('case_files')
      .select('data_key_id')
      .orderBy('id')
      .execute();
    expect(await rotateCaseKeys(ports, { orgId, escrowPrivateKey })).toEqual({ rotatedCases: 2 });
    const keyIdsAfter = await database.db
      .selectFrom('case_files')
      .select('data_key_id')
      .orderBy('id')
      .execute();
    expect(keyIdsAfter).not.toEqual(keyIdsBefore);
    expect(
      (await readCaseFile(ports, operator.session, cases[0]?.caseId ?? '')).persons[0]?.fullName,
    ).toBe(canaryPerson.fullName);
    expect(
      (await readCaseFile(ports, coordinator.session, cases[1]?.caseId ?? '')).persons[0]?.fullName,
    ).toBe('Второй');

    await expect(setEscrowKey(ports, { orgId })).rejects.toMatchObject({ code: 'CONFLICT' });
    const rotated = await setEscrowKey(ports, { orgId, previousPrivateKey: escrowPrivateKey });
    expect(rotated.resealedCases).toBe(2);
    await expect(
      restoreAccessFromEscrow(ports, { orgId, userId: coordinator.userId, escrowPrivateKey }),
    ).rejects.toMatchObject({ code: 'KEY_UNAVAILABLE' });
    expect(
      await restoreAccessFromEscrow(ports, {
        orgId,
        userId: coordinator.userId,
        escrowPrivateKey: rotated.privateKey,
      }),
    ).toEqual({ restoredCases: 2 });
  });

  async function buildSessionAfterPassword(email: string, password: string, totpSecret: string) {
    clock.advance(60_000);
    const pending = await logIn(ports, { email, password });
    const full = await verifySecondFactor(ports, pending.sessionToken, {
      code: await totpCodeAt(ports, totpSecret),
    });
    return authenticateSession(ports, full.sessionToken, 'full');
  }

  it('finds an existing client typed another way, through the blind index only', async () => {
    const coordinator = await staff(['coordinator']);
    const first = await createCaseFile(ports, coordinator.session, {
      person: {
        fullName: 'Щербаков Артём Юрьевич',
        birthDate: '2005-11-02',
        phone: null,
        notes: null,
      },
    });
    await createCaseFile(ports, coordinator.session, {
      person: { fullName: 'Щербаков Артём', birthDate: '2005-11-03', phone: null, notes: null },
    });
    const indexes = await database.db.selectFrom('persons').select('match_index').execute();
    expect(
      indexes.every((row) => row.match_index !== null && /^[0-9a-f]+$/.test(row.match_index)),
    ).toBe(true);

    const found = await findMatchingCases(ports, coordinator.session, {
      fullName: 'Artyom Shcherbakov',
      birthDate: '2005-11-02',
    });
    expect(found).toEqual({ caseIds: [first.caseId], unopened: 0 });
    const none = await findMatchingCases(ports, coordinator.session, {
      fullName: 'Иван Петров',
      birthDate: '2005-11-02',
    });
    expect(none.caseIds).toEqual([]);
  });

  it('destroys closed cases once the organisation’s retention period has passed, and nothing else', async () => {
    const coordinator = await staff(['coordinator']);
    const closedLongAgo = await createCaseFile(ports, coordinator.session, {
      person: canaryPerson,
    });
    const closedRecently = await createCaseFile(ports, coordinator.session, {
      person: canaryPerson,
    });
    const stillOpen = await createCaseFile(ports, coordinator.session, { person: canaryPerson });
    await closeCaseFile(ports, coordinator.session, closedLongAgo.caseId);
    expect(await destroyExpiredCases(ports)).toEqual({ destroyedCases: 0 });

    await setClosedCaseRetention(ports, { orgId, days: 30 });
    clock.advance(20 * 24 * 60 * 60_000);
    await closeCaseFile(ports, coordinator.session, closedRecently.caseId);
    clock.advance(10 * 24 * 60 * 60_000);
    expect(await destroyExpiredCases(ports)).toEqual({ destroyedCases: 1 });
    expect(await destroyExpiredCases(ports)).toEqual({ destroyedCases: 0 });

    const statuses = await database.db.selectFrom('case_files').select(['id', 'status']).execute();
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toEqual({
      [closedLongAgo.caseId]: 'deleted',
      [closedRecently.caseId]: 'closed',
      [stillOpen.caseId]: 'open',
    });
    const wraps = await database.db
      .selectFrom('case_key_wraps')
      .select('case_id')
      .where('case_id', '=', closedLongAgo.caseId)
      .execute();
    expect(wraps).toEqual([]);
  });

  it('needs the escrow key set before any case is created', async () => {
    const otherOrg = (await createOrganisation(ports, { name: 'No escrow yet' })).id;
    const operator = await buildEnrolledStaff(ports, { orgId: otherOrg, roles: ['operator'] });
    const session = await authenticateSession(ports, operator.sessionToken, 'full');
    await expect(createCaseFile(ports, session, { person: canaryPerson })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});
