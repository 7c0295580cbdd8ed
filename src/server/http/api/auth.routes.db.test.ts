import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMail, startSmtpInbox } from '../../../../test/support/smtp-inbox.ts';
import {
  buildEnrolledStaff,
  testPassword,
  totpCodeAt,
} from '../../../../test/support/staff-fixtures.ts';
import { testClock } from '../../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../../test/support/test-databases.ts';
import { browserSession, buildTestServer } from '../../../../test/support/test-server.ts';
import { smtpStaffMail } from '../../../adapters/mail/smtp-staff-mail.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import { buildPorts } from '../../container.ts';
import type { HabeasServer } from '../build-server.ts';

describe.each(testDialects())('staff login over HTTP [$name]', (dialect) => {
  let database: TestDatabase;
  let clock: ReturnType<typeof testClock>;
  let ports: Ports;
  let server: HabeasServer;

  beforeEach(async () => {
    database = await dialect.open();
    clock = testClock();
    ports = buildPorts(database, { clock });
    server = await buildTestServer(ports);
  });
  afterEach(async () => {
    await server.app.close();
    await database.close();
  });

  async function loggedIn(staff: { email: string; totpSecret: string }) {
    const browser = browserSession(server);
    const login = await browser.post('/api/v1/auth/login', {
      email: staff.email,
      password: testPassword,
    });
    expect(login.json()).toEqual({ stage: 'second-factor' });
    const verified = await browser.post('/api/v1/auth/second-factor', {
      code: await totpCodeAt(ports, staff.totpSecret),
    });
    expect(verified.statusCode).toBe(200);
    return browser;
  }

  it('enrols TOTP at first login, then serves the home data', async () => {
    const staff = await buildEnrolledStaff(ports, { roles: ['coordinator'] });
    clock.advance(60_000);
    const browser = await loggedIn(staff);
    const me = await browser.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { email: staff.email, roles: ['coordinator'] },
      organisation: { id: staff.orgId },
    });
  });

  it('sets the session cookie HttpOnly, Secure and SameSite=Strict', async () => {
    const staff = await buildEnrolledStaff(ports);
    const browser = browserSession(server);
    const login = await browser.post('/api/v1/auth/login', {
      email: staff.email,
      password: testPassword,
    });
    const header = String(login.headers['set-cookie']);
    expect(header).toMatch(/habeas_session=[^;]+;.*HttpOnly/);
    expect(header).toMatch(/habeas_session=[^;]+;.*Secure/);
    expect(header).toMatch(/habeas_session=[^;]+;.*SameSite=Strict/);
  });

  it('serves no staff data before the second factor', async () => {
    const staff = await buildEnrolledStaff(ports);
    const browser = browserSession(server);
    await browser.post('/api/v1/auth/login', { email: staff.email, password: testPassword });
    const me = await browser.get('/api/v1/me');
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('SECOND_FACTOR_REQUIRED');
  });

  it('refuses a wrong TOTP code and a reused one', async () => {
    const staff = await buildEnrolledStaff(ports);
    clock.advance(60_000);
    const code = await totpCodeAt(ports, staff.totpSecret);
    const first = browserSession(server);
    await first.post('/api/v1/auth/login', { email: staff.email, password: testPassword });
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const refused = await first.post('/api/v1/auth/second-factor', { code: wrong });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('INVALID_CODE');
    expect((await first.post('/api/v1/auth/second-factor', { code })).statusCode).toBe(200);

    const second = browserSession(server);
    await second.post('/api/v1/auth/login', { email: staff.email, password: testPassword });
    const reused = await second.post('/api/v1/auth/second-factor', { code });
    expect(reused.statusCode).toBe(401);
    expect((await second.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('refuses an expired session', async () => {
    const staff = await buildEnrolledStaff(ports);
    clock.advance(60_000);
    const browser = await loggedIn(staff);
    clock.advance(31 * 60_000);
    const me = await browser.get('/api/v1/me');
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a session revoked from another device on its next request', async () => {
    const staff = await buildEnrolledStaff(ports);
    clock.advance(60_000);
    const laptop = await loggedIn(staff);
    clock.advance(60_000);
    const phone = await loggedIn(staff);
    const everywhere = await phone.post('/api/v1/auth/logout-everywhere');
    expect(everywhere.statusCode).toBe(200);
    expect(everywhere.headers['clear-site-data']).toContain('cookies');
    expect((await laptop.get('/api/v1/me')).statusCode).toBe(401);
    expect((await phone.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const staff = await buildEnrolledStaff(ports);
    clock.advance(60_000);
    const browser = await loggedIn(staff);
    const forged = await browser.post('/api/v1/auth/logout-everywhere', {}, { withoutCsrf: true });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('CSRF_REJECTED');
    expect((await browser.get('/api/v1/me')).statusCode).toBe(200);

    const anonymous = browserSession(server);
    const login = await anonymous.post(
      '/api/v1/auth/login',
      { email: staff.email, password: testPassword },
      { withoutCsrf: true },
    );
    expect(login.statusCode).toBe(403);
  });

  it('answers a login for an unknown account exactly like a wrong password', async () => {
    const staff = await buildEnrolledStaff(ports);
    const unknown = await browserSession(server).post('/api/v1/auth/login', {
      email: 'nobody@example.org',
      password: testPassword,
    });
    const wrong = await browserSession(server).post('/api/v1/auth/login', {
      email: staff.email,
      password: 'definitely not it',
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
    expect(unknown.headers['set-cookie']).toBeUndefined();
  });

  it('logs out with Clear-Site-Data and the session no longer works', async () => {
    const staff = await buildEnrolledStaff(ports);
    clock.advance(60_000);
    const browser = await loggedIn(staff);
    const token = browser.cookie('habeas_session');
    const logout = await browser.post('/api/v1/auth/logout');
    expect(logout.statusCode).toBe(204);
    expect(logout.headers['clear-site-data']).toBe('"cache", "cookies", "storage"');
    const replay = await server.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `habeas_session=${token}` },
    });
    expect(replay.statusCode).toBe(401);
  });

  it('mails a reset link to a real account and answers an unknown one the same way', async () => {
    const inbox = await startSmtpInbox();
    const mailServer = await buildTestServer(
      buildPorts(database, {
        clock,
        staffMail: smtpStaffMail({
          smtpUrl: inbox.url,
          from: 'Habeas <no-reply@example.org>',
          publicUrl: 'https://help.example.org',
        }),
      }),
    );
    try {
      const staff = await buildEnrolledStaff(ports);
      const known = await browserSession(mailServer).post('/api/v1/auth/password-reset', {
        email: staff.email,
      });
      const unknown = await browserSession(mailServer).post('/api/v1/auth/password-reset', {
        email: 'nobody@example.org',
      });
      expect(known.statusCode).toBe(202);
      expect(unknown.statusCode).toBe(202);
      expect(unknown.body).toBe(known.body);

      const [mail] = await inbox.waitForMail(1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(inbox.received).toHaveLength(1);
      expect(mail?.to).toEqual([staff.email]);
      const { subject, text } = await readMail(mail ?? { to: [], raw: '' });
      expect(subject).toBe('Habeas: сброс пароля');
      expect(text).toContain('откройте эту ссылку в течение часа');
      const token = /https:\/\/help\.example\.org\/staff\/welcome#token=([\w-]+)/.exec(text)?.[1];
      expect(token).toBeDefined();

      clock.advance(60_000);
      const before = await loggedIn(staff);
      const browser = browserSession(mailServer);
      const reset = await browser.post('/api/v1/auth/password', {
        token,
        password: 'a brand new passphrase',
      });
      expect(reset.json()).toEqual({ stage: 'second-factor' });
      expect((await before.get('/api/v1/me')).statusCode).toBe(401);
      const oldPassword = await browserSession(mailServer).post('/api/v1/auth/login', {
        email: staff.email,
        password: testPassword,
      });
      expect(oldPassword.statusCode).toBe(401);
    } finally {
      await mailServer.app.close();
      await inbox.stop();
    }
  });

  it('lets only an admin revoke another staff member’s sessions', async () => {
    const admin = await buildEnrolledStaff(ports, { roles: ['admin'] });
    const lawyer = await buildEnrolledStaff(ports, { orgId: admin.orgId, roles: ['lawyer'] });
    clock.advance(60_000);
    const lawyerBrowser = await loggedIn(lawyer);
    const adminBrowser = await loggedIn(admin);
    const byLawyer = await lawyerBrowser.post(
      `/api/v1/staff-users/${admin.userId}/sessions/revoke`,
    );
    expect(byLawyer.statusCode).toBe(403);
    const byAdmin = await adminBrowser.post(`/api/v1/staff-users/${lawyer.userId}/sessions/revoke`);
    expect(byAdmin.json()).toEqual({ revokedSessions: 2 });
    expect((await lawyerBrowser.get('/api/v1/me')).statusCode).toBe(401);
  });
});
