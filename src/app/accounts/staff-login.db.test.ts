import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildEnrolledStaff,
  testPassword,
  totpCodeAt,
} from '../../../test/support/staff-fixtures.ts';
import { testClock } from '../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../test/support/test-databases.ts';
import { buildPorts } from '../../server/container.ts';
import type { Ports } from '../ports/ports.ts';
import { authenticateSession } from './authenticate-session.ts';
import { changeStaffRoles } from './change-staff-roles.ts';
import { confirmTotpEnrolment, startTotpEnrolment } from './enrol-totp.ts';
import { inviteStaffUser } from './invite-staff-user.ts';
import { logIn } from './log-in.ts';
import { logOut, logOutEverywhere } from './log-out.ts';
import { revokeSessions } from './revoke-sessions.ts';
import { revokeStaffUser } from './revoke-staff-user.ts';
import { setPasswordWithToken } from './set-password-with-token.ts';
import { verifySecondFactor } from './verify-second-factor.ts';

describe.each(testDialects())('staff login [$name]', (dialect) => {
  let database: TestDatabase;
  let clock: ReturnType<typeof testClock>;
  let ports: Ports;

  beforeEach(async () => {
    database = await dialect.open();
    clock = testClock();
    ports = buildPorts(database, { clock });
  });
  afterEach(async () => {
    await database.close();
  });

  async function loginToSecondFactor(email: string) {
    return logIn(ports, { email, password: testPassword });
  }

  it('takes a new user from enrolment link to a full session', async () => {
    const staff = await buildEnrolledStaff(ports);
    const current = await authenticateSession(ports, staff.sessionToken, 'full');
    expect(current.actor).toEqual({ userId: staff.userId, orgId: staff.orgId, roles: ['lawyer'] });
    expect(staff.recoveryCodes).toHaveLength(10);
  });

  it('unlocks the staff key at login and carries it only inside the session', async () => {
    const staff = await buildEnrolledStaff(ports);
    clock.advance(60_000);
    const pending = await loginToSecondFactor(staff.email);
    const full = await verifySecondFactor(ports, pending.sessionToken, {
      code: await totpCodeAt(ports, staff.totpSecret),
    });
    const current = await authenticateSession(ports, full.sessionToken, 'full');
    expect(current.identity?.publicKey).toBe(current.user.keys?.publicKey);

    const row = await database.db
      .selectFrom('staff_sessions')
      .select(['wrapped_private_key', 'token_hash'])
      .where('id', '=', current.session.id)
      .executeTakeFirstOrThrow();
    expect(row.wrapped_private_key).toMatch(/^w1\./);
    expect(
      ports.staffKeys.unwrapFromSession(
        staff.userId,
        current.user.keys?.publicKey ?? '',
        row.wrapped_private_key ?? '',
        current.session.id,
        row.token_hash,
      ),
    ).toBeNull();
  });

  it('keeps the second-factor secret only sealed, and bound to its own account', async () => {
    const first = await buildEnrolledStaff(ports, { email: 'first@example.org' });
    const second = await buildEnrolledStaff(ports, { email: 'second@example.org' });
    const stored = await database.db
      .selectFrom('staff_users')
      .select(['id', 'totp_secret'])
      .where('id', 'in', [first.userId, second.userId])
      .execute();
    for (const row of stored) {
      expect(row.totp_secret).not.toContain(first.totpSecret);
      expect(row.totp_secret).not.toContain(second.totpSecret);
    }
    // Copying one account's sealed secret onto another does not carry the second factor over.
    const firstSecret = stored.find((row) => row.id === first.userId)?.totp_secret ?? null;
    await database.db
      .updateTable('staff_users')
      .set({ totp_secret: firstSecret })
      .where('id', '=', second.userId)
      .execute();
    clock.advance(60_000);
    const pending = await loginToSecondFactor(second.email);
    await expect(
      verifySecondFactor(ports, pending.sessionToken, {
        code: await totpCodeAt(ports, first.totpSecret),
      }),
    ).rejects.toMatchObject({ code: 'INVALID_CODE' });
  });

  it('asks an enrolled user for a code and completes the login with it', async () => {
    const staff = await buildEnrolledStaff(ports);
    clock.advance(60_000);
    const pending = await loginToSecondFactor(staff.email.toUpperCase());
    expect(pending.stage).toBe('second-factor');
    await expect(authenticateSession(ports, pending.sessionToken, 'full')).rejects.toMatchObject({
      code: 'SECOND_FACTOR_REQUIRED',
    });
    const full = await verifySecondFactor(ports, pending.sessionToken, {
      code: await totpCodeAt(ports, staff.totpSecret),
    });
    await expect(authenticateSession(ports, full.sessionToken, 'full')).resolves.toBeDefined();
    await expect(
      authenticateSession(ports, pending.sessionToken, 'second-factor'),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('refuses a wrong TOTP code', async () => {
    const staff = await buildEnrolledStaff(ports);
    clock.advance(60_000);
    const pending = await loginToSecondFactor(staff.email);
    const right = await totpCodeAt(ports, staff.totpSecret);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    await expect(
      verifySecondFactor(ports, pending.sessionToken, { code: wrong }),
    ).rejects.toMatchObject({
      code: 'INVALID_CODE',
    });
  });

  it('refuses a TOTP code that was already used', async () => {
    const staff = await buildEnrolledStaff(ports);
    clock.advance(60_000);
    const code = await totpCodeAt(ports, staff.totpSecret);
    const first = await loginToSecondFactor(staff.email);
    await verifySecondFactor(ports, first.sessionToken, { code });
    const second = await loginToSecondFactor(staff.email);
    await expect(verifySecondFactor(ports, second.sessionToken, { code })).rejects.toMatchObject({
      code: 'INVALID_CODE',
    });
  });

  it('accepts each recovery code once', async () => {
    const staff = await buildEnrolledStaff(ports);
    const [recoveryCode] = staff.recoveryCodes as [string];
    const first = await loginToSecondFactor(staff.email);
    await verifySecondFactor(ports, first.sessionToken, {
      recoveryCode: recoveryCode.toUpperCase(),
    });
    const second = await loginToSecondFactor(staff.email);
    await expect(
      verifySecondFactor(ports, second.sessionToken, { recoveryCode }),
    ).rejects.toMatchObject({
      code: 'INVALID_CODE',
    });
  });

  it('gives the same answer for an unknown account, a wrong password and a revoked account', async () => {
    const staff = await buildEnrolledStaff(ports);
    const revoked = await buildEnrolledStaff(ports, { orgId: staff.orgId });
    await revokeStaffUser(ports, { system: 'cli' }, { orgId: staff.orgId, userId: revoked.userId });
    const attempts = [
      { email: 'nobody@example.org', password: testPassword },
      { email: staff.email, password: 'wrong password entirely' },
      { email: revoked.email, password: testPassword },
    ];
    for (const attempt of attempts) {
      await expect(logIn(ports, attempt)).rejects.toMatchObject({
        code: 'INVALID_CREDENTIALS',
        message: 'login refused',
      });
    }
  });

  it('locks an account after five wrong passwords, even against the right one, then lets it cool down', async () => {
    const staff = await buildEnrolledStaff(ports);
    for (let attempt = 0; attempt < 5; attempt++) {
      await expect(
        logIn(ports, { email: staff.email, password: 'not the password at all' }),
      ).rejects.toThrow();
    }
    await expect(loginToSecondFactor(staff.email)).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    clock.advance(61_000);
    await expect(loginToSecondFactor(staff.email)).resolves.toMatchObject({
      stage: 'second-factor',
    });
  });

  it('ends a session after 30 idle minutes, and any session after 12 hours', async () => {
    const staff = await buildEnrolledStaff(ports);
    clock.advance(29 * 60_000);
    await authenticateSession(ports, staff.sessionToken, 'full');
    clock.advance(30 * 60_000);
    await expect(authenticateSession(ports, staff.sessionToken, 'full')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });

    const active = await buildEnrolledStaff(ports, { orgId: staff.orgId });
    for (let minutes = 25; minutes < 12 * 60; minutes += 25) {
      clock.advance(25 * 60_000);
      await authenticateSession(ports, active.sessionToken, 'full');
    }
    clock.advance(25 * 60_000);
    await expect(authenticateSession(ports, active.sessionToken, 'full')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('logs out one session, or every session of the user at once', async () => {
    const staff = await buildEnrolledStaff(ports);
    const laptop = await buildEnrolledStaffSession(staff.email, staff.totpSecret, 60);
    const phone = await buildEnrolledStaffSession(staff.email, staff.totpSecret, 120);

    await logOut(ports, await authenticateSession(ports, laptop, 'full'));
    await expect(authenticateSession(ports, laptop, 'full')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(authenticateSession(ports, phone, 'full')).resolves.toBeDefined();

    const result = await logOutEverywhere(ports, await authenticateSession(ports, phone, 'full'));
    expect(result.revokedSessions).toBe(2);
    for (const token of [phone, staff.sessionToken]) {
      await expect(authenticateSession(ports, token, 'full')).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('lets an admin revoke another user’s sessions, and nobody else', async () => {
    const admin = await buildEnrolledStaff(ports, { roles: ['admin'] });
    const lawyer = await buildEnrolledStaff(ports, { orgId: admin.orgId, roles: ['lawyer'] });
    const colleague = await buildEnrolledStaff(ports, {
      orgId: admin.orgId,
      roles: ['coordinator'],
    });
    const colleagueActor = (await authenticateSession(ports, colleague.sessionToken, 'full')).actor;
    const target = { orgId: admin.orgId, userId: lawyer.userId };
    await expect(revokeSessions(ports, colleagueActor, target)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    const adminActor = (await authenticateSession(ports, admin.sessionToken, 'full')).actor;
    await revokeSessions(ports, adminActor, target);
    await expect(authenticateSession(ports, lawyer.sessionToken, 'full')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('refuses a weak password and a used enrolment link', async () => {
    const staff = await buildEnrolledStaff(ports);
    const { enrolmentToken } = await inviteStaffUser(
      ports,
      { system: 'cli' },
      { orgId: staff.orgId, email: 'new@example.org', displayName: 'New', roles: ['operator'] },
    );
    await expect(
      setPasswordWithToken(ports, { token: enrolmentToken, password: 'short' }),
    ).rejects.toMatchObject({
      code: 'WEAK_PASSWORD',
      detail: 'TOO_SHORT',
    });
    await expect(
      setPasswordWithToken(ports, { token: enrolmentToken, password: 'password1234' }),
    ).rejects.toMatchObject({ code: 'WEAK_PASSWORD', detail: 'TOO_COMMON' });
    await setPasswordWithToken(ports, { token: enrolmentToken, password: testPassword });
    await expect(
      setPasswordWithToken(ports, { token: enrolmentToken, password: testPassword }),
    ).rejects.toMatchObject({
      code: 'TOKEN_INVALID',
    });
  });

  it('refuses an enrolment confirmed with a wrong code', async () => {
    const staff = await buildEnrolledStaff(ports);
    const { enrolmentToken } = await inviteStaffUser(
      ports,
      { system: 'cli' },
      {
        orgId: staff.orgId,
        email: 'second@example.org',
        displayName: 'Second',
        roles: ['operator'],
      },
    );
    const pending = await setPasswordWithToken(ports, {
      token: enrolmentToken,
      password: testPassword,
    });
    const { secret } = await startTotpEnrolment(ports, pending.sessionToken);
    const right = await totpCodeAt(ports, secret);
    const wrong = String((Number(right) + 5) % 1_000_000).padStart(6, '0');
    await expect(
      confirmTotpEnrolment(ports, pending.sessionToken, { code: wrong }),
    ).rejects.toMatchObject({
      code: 'INVALID_CODE',
    });
  });

  it('changes roles with an audit entry, but never removes the last admin', async () => {
    const admin = await buildEnrolledStaff(ports, { roles: ['admin'] });
    const lawyer = await buildEnrolledStaff(ports, { orgId: admin.orgId, roles: ['lawyer'] });
    const adminActor = (await authenticateSession(ports, admin.sessionToken, 'full')).actor;
    await changeStaffRoles(ports, adminActor, {
      orgId: admin.orgId,
      userId: lawyer.userId,
      roles: ['lawyer', 'coordinator'],
    });
    const promoted = await authenticateSession(ports, lawyer.sessionToken, 'full');
    expect(promoted.actor.roles).toEqual(['coordinator', 'lawyer']);

    await expect(
      changeStaffRoles(ports, promoted.actor, {
        orgId: admin.orgId,
        userId: admin.userId,
        roles: ['lawyer'],
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      changeStaffRoles(ports, adminActor, {
        orgId: admin.orgId,
        userId: admin.userId,
        roles: ['lawyer'],
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const actions: string[] = [];
    for await (const entry of await ports.unitOfWork.run(async (repositories) => {
      const entries = [];
      for await (const item of repositories.auditLog.readChain(admin.orgId)) entries.push(item);
      return entries;
    })) {
      if (entry.subjectId === lawyer.userId)
        actions.push(`${entry.action} ${JSON.stringify(entry.details)}`);
    }
    expect(actions).toContain('user.role-changed {"from":"lawyer","to":"coordinator,lawyer"}');
  });

  async function buildEnrolledStaffSession(email: string, secret: string, advanceSeconds: number) {
    clock.advance(advanceSeconds * 1000);
    const pending = await loginToSecondFactor(email);
    const full = await verifySecondFactor(ports, pending.sessionToken, {
      code: await totpCodeAt(ports, secret),
    });
    return full.sessionToken;
  }
});
