import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detentionAnswers as detentionAnswersOf } from '../../../test/support/report-fixtures.ts';
import { readMail, startSmtpInbox } from '../../../test/support/smtp-inbox.ts';
import { buildEnrolledStaff } from '../../../test/support/staff-fixtures.ts';
import { testClock } from '../../../test/support/test-clock.ts';
import {
  type TestDatabase,
  testDialects,
  testPostgresServerUrl,
} from '../../../test/support/test-databases.ts';
import type { HabeasDatabase } from '../../adapters/db/database.ts';
import { kyselyJobQueue } from '../../adapters/db/jobs.repository.ts';
import { openPostgresDatabase } from '../../adapters/db/postgres-database.ts';
import { boardAlertChannel } from '../../adapters/live/board-alert-channel.ts';
import { inProcessLiveUpdates } from '../../adapters/live/in-process-live-updates.ts';
import { smtpAlertChannel } from '../../adapters/mail/smtp-alert-channel.ts';
import type { Role } from '../../domain/access/roles.ts';
import { buildPorts } from '../../server/container.ts';
import { alertJobHandlers } from '../../server/jobs/alert.job.ts';
import { type JobRunner, jobRunner } from '../../server/jobs/job-runner.ts';
import { authenticateSession } from '../accounts/authenticate-session.ts';
import { submitReport } from '../intake/submit-report.ts';
import { createOrganisation } from '../organisations/create-organisation.ts';
import { setEscrowKey } from '../organisations/init-escrow.ts';
import type { AlertChannel } from '../ports/alert-channel.ts';
import type { Ports } from '../ports/ports.ts';
import { addShift } from '../roster/add-shift.ts';
import { acknowledgeAlert, acknowledgeAlertByLink } from './acknowledge-alert.ts';
import { readCaseAlerts } from './read-case-alerts.ts';

const minute = 60_000;
const personName = 'Задержанов CANARY-ALERT-NAME-5c1e';

const detentionAnswers = detentionAnswersOf(personName);

/** Another connection to the same database, as a second app instance would have. */
function secondConnection(database: TestDatabase): HabeasDatabase {
  const serverUrl = testPostgresServerUrl();
  if (database.dialect === 'postgres' && serverUrl !== undefined && database.schema !== null)
    return openPostgresDatabase({ connectionString: serverUrl, schema: database.schema });
  return { ...database, close: async () => {} };
}

describe.each(testDialects())('alerts and escalation [$name]', (dialect) => {
  let database: TestDatabase;
  let clock: ReturnType<typeof testClock>;
  let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
  let ports: Ports;
  let orgId: string;
  const closers: (() => Promise<void>)[] = [];

  function channels(live: Ports['liveUpdates'], smtpUrl: string): AlertChannel[] {
    return [
      smtpAlertChannel({
        smtpUrl,
        from: 'Habeas <alerts@example.org>',
        publicUrl: 'https://help.example.org',
      }),
      boardAlertChannel(live),
    ];
  }

  function portsOn(db: HabeasDatabase, smtpUrl = inbox.url): Ports {
    const liveUpdates = inProcessLiveUpdates();
    return buildPorts(db, { clock, liveUpdates, alertChannels: channels(liveUpdates, smtpUrl) });
  }

  function runnerOn(db: HabeasDatabase, runnerId: string, on: Ports = ports): JobRunner {
    return jobRunner({
      queue: kyselyJobQueue(db),
      handlers: alertJobHandlers(on),
      clock,
      runnerId,
      log: { error: () => {}, warn: () => {} },
      leaseMs: 30_000,
    });
  }

  beforeEach(async () => {
    database = await dialect.open();
    clock = testClock(new Date('2026-11-30T10:00:00Z'));
    inbox = await startSmtpInbox();
    ports = portsOn(database);
    orgId = (await createOrganisation(ports, { name: 'Rapid response group' })).id;
    await setEscrowKey(ports, { orgId });
  });
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
    await inbox.stop();
    await database.close();
  });

  async function staff(roles: Role[], email: string) {
    const enrolled = await buildEnrolledStaff(ports, { orgId, roles, email });
    return {
      ...enrolled,
      session: await authenticateSession(ports, enrolled.sessionToken, 'full'),
    };
  }

  /** Two lawyers on duty (Anna since 08:00, Boris since 09:00) and a coordinator. */
  async function rosterWithTwoLawyers() {
    const coordinator = await staff(['coordinator'], 'coordinator@example.org');
    const anna = await staff(['lawyer'], 'anna@example.org');
    const boris = await staff(['lawyer'], 'boris@example.org');
    await addShift(ports, coordinator.session.actor, {
      orgId,
      userId: boris.userId,
      startsAt: new Date('2026-11-30T09:00:00Z'),
      endsAt: new Date('2026-11-30T21:00:00Z'),
      region: null,
    });
    await addShift(ports, coordinator.session.actor, {
      orgId,
      userId: anna.userId,
      startsAt: new Date('2026-11-30T08:00:00Z'),
      endsAt: new Date('2026-11-30T20:00:00Z'),
      region: null,
    });
    return { coordinator, anna, boris };
  }

  async function report() {
    const submitted = await submitReport(ports, { channel: 'web', answers: detentionAnswers });
    if (!submitted.ok) throw new Error(`report refused: ${JSON.stringify(submitted.errors)}`);
    return submitted;
  }

  async function recipientsOf(from: number) {
    return inbox.received.slice(from).map((mail) => mail.to.join(','));
  }

  function acknowledgeTokenIn(text: string): string {
    const token = /\/alerts\/acknowledge\/([\w-]+)/.exec(text)?.[1];
    if (token === undefined) throw new Error(`no acknowledgement link in:\n${text}`);
    return token;
  }

  it('e-mails the first lawyer on duty at once, with the case code and place and nothing personal', async () => {
    await rosterWithTwoLawyers();
    const { caseCode } = await report();
    await runnerOn(database, 'runner-1').runDue();
    const [mail] = await inbox.waitForMail(1);
    expect(inbox.received).toHaveLength(1);
    expect(mail?.to).toEqual(['anna@example.org']);
    const { subject, text } = await readMail(mail ?? { to: [], raw: '' });
    expect(subject).toContain(caseCode);
    expect(text).toContain('ugreshskaya');
    expect(text).toMatch(/https:\/\/help\.example\.org\/staff\/cases\/[0-9a-f-]{36}/);
    expect(text).toMatch(/https:\/\/help\.example\.org\/alerts\/acknowledge\/[\w-]{43}/);
    expect(mail?.raw).not.toContain('CANARY');
    // The link's token is stored only as a hash.
    const pages = await database.db.selectFrom('alert_pages').selectAll().execute();
    expect(JSON.stringify(pages)).not.toContain(acknowledgeTokenIn(text));
  });

  it('escalates to the next on duty, then to the coordinators, each after the delay', async () => {
    await rosterWithTwoLawyers();
    const { caseCode } = await report();
    const runner = runnerOn(database, 'runner-1');
    await runner.runDue();
    await inbox.waitForMail(1);
    clock.advance(4 * minute + 59_000);
    await runner.runDue();
    expect(await recipientsOf(1)).toEqual([]);
    clock.advance(1_000);
    await runner.runDue();
    await inbox.waitForMail(2);
    expect(await recipientsOf(1)).toEqual(['boris@example.org']);
    const { subject } = await readMail(inbox.received[1] ?? { to: [], raw: '' });
    expect(subject).toBe(`Habeas: ПОВТОРНЫЙ ВЫЗОВ — ${caseCode}`);
    clock.advance(5 * minute);
    await runner.runDue();
    await inbox.waitForMail(3);
    expect(await recipientsOf(2)).toEqual(['coordinator@example.org']);
    clock.advance(60 * minute);
    await runner.runDue();
    expect(inbox.received).toHaveLength(3);
    const steps = await database.db
      .selectFrom('alert_steps')
      .select(['kind', 'channel'])
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(steps.filter((step) => step.kind === 'paged')).toHaveLength(3);
    expect(steps.at(-1)?.kind).toBe('exhausted');
  });

  it('stops escalating once the e-mailed link is followed, and the link works once', async () => {
    const { anna } = await rosterWithTwoLawyers();
    await report();
    const runner = runnerOn(database, 'runner-1');
    await runner.runDue();
    const [mail] = await inbox.waitForMail(1);
    const token = acknowledgeTokenIn((await readMail(mail ?? { to: [], raw: '' })).text);
    clock.advance(2 * minute);
    const acknowledged = await acknowledgeAlertByLink(ports, token);
    expect(acknowledged.outcome).toBe('acknowledged');
    await expect(acknowledgeAlertByLink(ports, token)).rejects.toMatchObject({
      code: 'TOKEN_INVALID',
    });
    clock.advance(30 * minute);
    await runner.runDue();
    expect(inbox.received).toHaveLength(1);
    // Taking the alert puts the case on his list: he is assigned and holds its key.
    const caseAlerts = await readCaseAlerts(ports, anna.session, acknowledged.alert.caseId);
    expect(caseAlerts[0]).toMatchObject({ status: 'acknowledged', acknowledgedBy: anna.userId });
    expect(caseAlerts[0]?.steps.map((step) => step.kind)).toEqual([
      'raised',
      'paged',
      'sent',
      'sent',
      'acknowledged',
    ]);
  });

  it('stops escalating once the alert is taken in the app, and tells the second taker who was first', async () => {
    const { anna, boris } = await rosterWithTwoLawyers();
    await report();
    const runner = runnerOn(database, 'runner-1');
    await runner.runDue();
    clock.advance(5 * minute);
    await runner.runDue();
    await inbox.waitForMail(2);
    const [alert] = await database.db.selectFrom('alerts').select('id').execute();
    const taken = await acknowledgeAlert(ports, boris.session, alert?.id ?? '');
    expect(taken.outcome).toBe('acknowledged');
    const late = await acknowledgeAlert(ports, anna.session, alert?.id ?? '');
    expect(late).toMatchObject({
      outcome: 'already-acknowledged',
      alert: { acknowledgedBy: boris.userId },
    });
    clock.advance(30 * minute);
    await runner.runDue();
    expect(inbox.received).toHaveLength(2);
  });

  it('refuses an acknowledgement from someone the alert was not paged to', async () => {
    const { boris } = await rosterWithTwoLawyers();
    await report();
    await runnerOn(database, 'runner-1').runDue();
    const [alert] = await database.db.selectFrom('alerts').select('id').execute();
    await expect(acknowledgeAlert(ports, boris.session, alert?.id ?? '')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('neither loses nor repeats an escalation across a restart, with two runners on one database', async () => {
    await rosterWithTwoLawyers();
    await report();
    await runnerOn(database, 'before-restart').runDue();
    await inbox.waitForMail(1);
    // The escalation falls due while no process runs; a runner claims it and dies holding it.
    clock.advance(5 * minute);
    const dying = await kyselyJobQueue(database).claimNext('dies-holding', clock.now(), 30_000);
    expect(dying?.kind).toBe('alert.escalate');
    // Two instances start on the same database (a second connection where there is one).
    const other = secondConnection(database);
    closers.push(() => other.close());
    const first = runnerOn(database, 'instance-a');
    const second = runnerOn(other, 'instance-b', portsOn(other));
    await Promise.all([first.runDue(), second.runDue()]);
    expect(inbox.received).toHaveLength(1);
    // Once the dead runner's lease runs out, the step is taken, by one of them, once.
    clock.advance(31_000);
    await Promise.all([first.runDue(), second.runDue(), first.runDue(), second.runDue()]);
    await inbox.waitForMail(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await recipientsOf(1)).toEqual(['boris@example.org']);
    // Running the same step again, as a runner that died after the work would, pages nobody.
    await database.db
      .updateTable('jobs')
      .set({ status: 'pending', claimed_until: null })
      .where('kind', '=', 'alert.escalate')
      .execute();
    await Promise.all([first.runDue(), second.runDue()]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(inbox.received).toHaveLength(2);
  });

  it('retries a failing mail server with backoff, shows the failure on the case, and still reaches the board', async () => {
    const { coordinator } = await rosterWithTwoLawyers();
    const deadSmtp = 'smtp://127.0.0.1:9';
    const failing = portsOn(database, deadSmtp);
    const board: string[] = [];
    failing.liveUpdates.subscribe((id) => board.push(id));
    await submitReport(failing, { channel: 'web', answers: detentionAnswers });
    const runner = runnerOn(database, 'runner-1', failing);
    await runner.runDue();
    expect(board).toContain(orgId);
    const [alert] = await database.db.selectFrom('alerts').select(['id', 'case_id']).execute();
    const caseAlerts = await readCaseAlerts(ports, coordinator.session, alert?.case_id ?? '');
    const steps = caseAlerts[0]?.steps ?? [];
    expect(steps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'sent', channel: 'board' }),
        expect.objectContaining({ kind: 'delivery-failed', channel: 'email', attempt: 1 }),
      ]),
    );
    // The retry waits ten seconds, then twenty: a server that recovers gets the mail.
    const mailJob = () =>
      database.db
        .selectFrom('jobs')
        .select(['run_at', 'status'])
        .where('kind', '=', 'alert.deliver')
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow();
    expect((await mailJob()).run_at).toBe(new Date(clock.now().getTime() + 10_000).toISOString());
    clock.advance(10_000);
    await runnerOn(database, 'runner-2').runDue();
    await inbox.waitForMail(1);
    expect(inbox.received.map((mail) => mail.to.join())).toEqual(['anna@example.org']);
  });
});
