import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detentionAnswers } from '../../../../test/support/report-fixtures.ts';
import { readMail, startSmtpInbox } from '../../../../test/support/smtp-inbox.ts';
import { testClock } from '../../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../../test/support/test-databases.ts';
import {
  browserSession,
  buildTestServer,
  signInOverHttp,
} from '../../../../test/support/test-server.ts';
import { boardAlertChannel } from '../../../adapters/live/board-alert-channel.ts';
import { inProcessLiveUpdates } from '../../../adapters/live/in-process-live-updates.ts';
import { smtpAlertChannel } from '../../../adapters/mail/smtp-alert-channel.ts';
import { createOrganisation } from '../../../app/organisations/create-organisation.ts';
import { setEscrowKey } from '../../../app/organisations/init-escrow.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import type { Role } from '../../../domain/access/roles.ts';
import { buildPorts } from '../../container.ts';
import { startJobRunner } from '../../jobs/start-job-runner.ts';
import type { HabeasServer } from '../build-server.ts';

const detentionReport = detentionAnswers('Задержанов CANARY-BOARD-NAME-2d7a');

describe.each(testDialects())('live board over HTTP [$name]', (dialect) => {
  let database: TestDatabase;
  let clock: ReturnType<typeof testClock>;
  let ports: Ports;
  let server: HabeasServer;
  let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
  let stopJobs: () => Promise<void>;
  let orgId: string;

  beforeEach(async () => {
    database = await dialect.open();
    clock = testClock(new Date('2026-11-30T10:00:00Z'));
    inbox = await startSmtpInbox();
    const liveUpdates = inProcessLiveUpdates();
    ports = buildPorts(database, {
      clock,
      liveUpdates,
      alertChannels: [
        smtpAlertChannel({ smtpUrl: inbox.url, from: 'a@example.org', publicUrl: 'http://x' }),
        boardAlertChannel(liveUpdates),
      ],
    });
    server = await buildTestServer(ports);
    orgId = (await createOrganisation(ports, { name: 'Test group' })).id;
    await setEscrowKey(ports, { orgId });
    stopJobs = startJobRunner(ports, database, server.app.log, 50);
  });
  afterEach(async () => {
    await stopJobs();
    await server.app.close();
    await inbox.stop();
    await database.close();
  });

  const signedIn = (roles: Role[]) => signInOverHttp({ server, ports, clock }, { orgId, roles });

  async function onDuty(userId: string) {
    await ports.unitOfWork.run((repositories) =>
      repositories.roster.insertShift(
        {
          id: ports.ids.newId(),
          orgId,
          userId,
          startsAt: new Date('2026-11-30T06:00:00Z'),
          endsAt: new Date('2026-11-30T18:00:00Z'),
          region: null,
        },
        { by: null, at: clock.now() },
      ),
    );
  }

  const report = () =>
    server.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: { answers: detentionReport },
    });

  it('shows a reported detention at the place he is held, by case code, with the open alert', async () => {
    const lawyer = await signedIn(['lawyer']);
    await onDuty(lawyer.userId);
    const { caseCode } = (await report()).json();
    await inbox.waitForMail(1);
    const board = (await lawyer.browser.get('/api/v1/board')).json();
    expect(board.places).toEqual([
      {
        placeId: 'ugreshskaya',
        cases: [
          expect.objectContaining({
            caseCode,
            status: 'detained',
            detainedSince: '2026-11-30T09:40:00.000Z',
            readerMayOpen: false,
            assignees: [],
          }),
        ],
      },
    ]);
    expect(board.openAlerts).toEqual([
      expect.objectContaining({ caseCode, placeId: 'ugreshskaya', pagedToReader: true }),
    ]);
    expect(JSON.stringify(board)).not.toContain('CANARY');

    const taken = await lawyer.browser.post(`/api/v1/alerts/${board.openAlerts[0].id}/acknowledge`);
    expect(taken.json()).toMatchObject({ outcome: 'acknowledged', acknowledgedBy: lawyer.userId });
    const after = (await lawyer.browser.get('/api/v1/board')).json();
    expect(after.openAlerts).toEqual([]);
    expect(after.places[0].cases[0]).toMatchObject({
      readerMayOpen: true,
      assignees: [{ userId: lawyer.userId, displayName: 'Test Staff' }],
    });
    const log = (
      await lawyer.browser.get(`/api/v1/cases/${board.openAlerts[0].caseId}/alerts`)
    ).json();
    expect(log[0].steps.map((step: { kind: string }) => step.kind)).toContain('acknowledged');
  });

  it('takes an alert through the e-mailed link only when the button is pressed', async () => {
    const lawyer = await signedIn(['lawyer']);
    await onDuty(lawyer.userId);
    await report();
    const [mail] = await inbox.waitForMail(1);
    const { text } = await readMail(mail ?? { to: [], raw: '' });
    const path = /http:\/\/x(\/alerts\/acknowledge\/[\w-]+)/.exec(text)?.[1] ?? '';
    const browser = browserSession(server);
    const page = await browser.get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Принимаю вызов');
    expect((await lawyer.browser.get('/api/v1/board')).json().openAlerts).toHaveLength(1);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const pressed = await browser.request({
      method: 'POST',
      url: path,
      body: `_csrf=${encodeURIComponent(csrf)}&lang=ru`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      withoutCsrf: true,
    });
    expect(pressed.statusCode).toBe(200);
    expect(pressed.body).toContain('Вызов принят');
    expect((await lawyer.browser.get('/api/v1/board')).json().openAlerts).toEqual([]);
    const again = await browser.request({
      method: 'POST',
      url: path,
      body: `_csrf=${encodeURIComponent(csrf)}&lang=ru`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      withoutCsrf: true,
    });
    expect(again.statusCode).toBe(400);
  });

  it('streams a board event to an open app when a detention is reported', async () => {
    const operator = await signedIn(['operator']);
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.app.server.address() as AddressInfo;
    const received: string[] = [];
    const connection = httpRequest({
      host: '127.0.0.1',
      port,
      path: '/api/v1/board/events',
      headers: { cookie: `habeas_session=${operator.browser.cookie('habeas_session')}` },
    });
    const opened = new Promise<string>((resolve) => {
      connection.on('response', (response) => {
        resolve(String(response.headers['content-type']));
        response.on('data', (chunk: Buffer) => received.push(chunk.toString()));
      });
    });
    connection.end();
    expect(await opened).toBe('text/event-stream; charset=utf-8');
    await report();
    for (let waited = 0; !received.join('').includes('event: board') && waited < 2000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received.join('')).toContain('event: board\ndata: changed');
    connection.destroy();
  });

  it('keeps the board and its stream from admins and the signed-out', async () => {
    const admin = await signedIn(['admin']);
    expect((await admin.browser.get('/api/v1/board')).statusCode).toBe(403);
    expect((await admin.browser.get('/api/v1/board/events')).statusCode).toBe(403);
    expect((await server.app.inject({ url: '/api/v1/board/events' })).statusCode).toBe(401);
  });
});
