import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detentionAnswers } from '../../../test/support/report-fixtures.ts';
import { buildEnrolledStaff } from '../../../test/support/staff-fixtures.ts';
import {
  type BotMessage,
  buttonLabels,
  startTelegramStandIn,
  telegramChat,
} from '../../../test/support/telegram-stand-in.ts';
import { testClock } from '../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../test/support/test-databases.ts';
import { telegramSecrets } from '../../adapters/crypto/telegram-secrets.ts';
import { kyselyJobQueue } from '../../adapters/db/jobs.repository.ts';
import { boardAlertChannel } from '../../adapters/live/board-alert-channel.ts';
import { inProcessLiveUpdates } from '../../adapters/live/in-process-live-updates.ts';
import { telegramAlertChannel } from '../../adapters/telegram/telegram-alert-channel.ts';
import { authenticateSession } from '../../app/accounts/authenticate-session.ts';
import {
  issueTelegramLinkCode,
  readTelegramLink,
  unlinkTelegramChat,
} from '../../app/accounts/link-telegram-chat.ts';
import { readCaseAlerts } from '../../app/alerts/read-case-alerts.ts';
import { submitReport } from '../../app/intake/submit-report.ts';
import { createOrganisation } from '../../app/organisations/create-organisation.ts';
import { setEscrowKey } from '../../app/organisations/init-escrow.ts';
import type { Ports } from '../../app/ports/ports.ts';
import { addShift } from '../../app/roster/add-shift.ts';
import type { Role } from '../../domain/access/roles.ts';
import { buildPorts } from '../container.ts';
import { alertJobHandlers } from '../jobs/alert.job.ts';
import { jobRunner } from '../jobs/job-runner.ts';
import type { BotLog } from './telegram-bot.ts';
import { type TelegramChannel, telegramChannel } from './telegram-channel.ts';

const token = '123456789:AAHabeasAlertsBotTokenNotARealOne';
const publicUrl = 'https://help.example.org';
const minute = 60_000;
const takeButton = 'Принять вызов / Take it';
const silentLog = { info() {}, warn() {}, error() {} } as unknown as BotLog;

describe.each(testDialects())(
  'duty alerts in Telegram, through a stand-in Bot API [$name]',
  (dialect) => {
    let database: TestDatabase;
    let clock: ReturnType<typeof testClock>;
    let standIn: Awaited<ReturnType<typeof startTelegramStandIn>>;
    let ports: Ports;
    let orgId: string;
    let bot: TelegramChannel;

    beforeEach(async () => {
      database = await dialect.open();
      clock = testClock(new Date('2026-11-30T10:00:00Z'));
      standIn = await startTelegramStandIn();
      const liveUpdates = inProcessLiveUpdates();
      ports = buildPorts(database, {
        clock,
        liveUpdates,
        alertChannels: [
          boardAlertChannel(liveUpdates),
          telegramAlertChannel({
            token,
            apiRoot: standIn.apiRoot,
            publicUrl,
            staffChatSealing: telegramSecrets(token).staffChatSealing,
          }),
        ],
      });
      orgId = (await createOrganisation(ports, { name: 'Rapid response group' })).id;
      await setEscrowKey(ports, { orgId });
      bot = telegramChannel({
        token,
        apiRoot: standIn.apiRoot,
        mode: 'polling',
        ports,
        publicUrl,
        limits: true,
      });
      await bot.start(silentLog);
    });
    afterEach(async () => {
      await bot.stop();
      await standIn.stop();
      await database.close();
    });

    async function staff(roles: Role[], email: string) {
      const enrolled = await buildEnrolledStaff(ports, { orgId, roles, email });
      return {
        ...enrolled,
        session: await authenticateSession(ports, enrolled.sessionToken, 'full'),
      };
    }

    /** Anna on duty since 08:00 with her Telegram linked, Boris from 09:00 without. */
    async function roster() {
      const coordinator = await staff(['coordinator'], 'coordinator@example.org');
      const anna = await staff(['lawyer'], 'anna@example.org');
      const boris = await staff(['lawyer'], 'boris@example.org');
      for (const [member, hour] of [
        [anna, '08'],
        [boris, '09'],
      ] as const) {
        await addShift(ports, coordinator.session.actor, {
          orgId,
          userId: member.userId,
          startsAt: new Date(`2026-11-30T${hour}:00:00Z`),
          endsAt: new Date('2026-11-30T20:00:00Z'),
          region: null,
        });
      }
      const annaChat = telegramChat(standIn.server, token, { chatId: 48_151_623 });
      const { code } = await issueTelegramLinkCode(ports, anna.session);
      const linked = await annaChat.command(`/link ${code}`);
      expect(linked.text).toContain('вызовы дежурному будут приходить в этот чат');
      return { anna, boris, annaChat, code };
    }

    const runner = () =>
      jobRunner({
        queue: kyselyJobQueue(database),
        handlers: alertJobHandlers(ports),
        clock,
        runnerId: 'runner-1',
        log: { error: () => {}, warn: () => {} },
        leaseMs: 30_000,
      });

    async function report() {
      const submitted = await submitReport(ports, {
        channel: 'web',
        answers: detentionAnswers('Задержанов CANARY-TELEGRAM-ALERT-7b2f'),
      });
      if (!submitted.ok) throw new Error(`report refused: ${JSON.stringify(submitted.errors)}`);
      return submitted;
    }

    it('links a staff member’s chat with a single-use code, storing the chat only sealed', async () => {
      const { anna, annaChat, code } = await roster();
      expect(await readTelegramLink(ports, anna.session)).toMatchObject({ linked: true });
      const stored = await database.db.selectFrom('staff_telegram_chats').selectAll().execute();
      expect(stored).toHaveLength(1);
      expect(JSON.stringify(stored)).not.toContain('48151623');
      const codes = await database.db.selectFrom('staff_telegram_link_codes').selectAll().execute();
      expect(JSON.stringify(codes)).not.toContain(code);

      const again = await annaChat.command(`/link ${code}`);
      expect(again.text).toContain('Код не подошёл');
      const stranger = telegramChat(standIn.server, token, { chatId: 99_000_001 });
      expect((await stranger.command('/link not-a-code')).text).toContain('Код не подошёл');

      await unlinkTelegramChat(ports, anna.session);
      expect(await readTelegramLink(ports, anna.session)).toMatchObject({ linked: false });
    });

    it('pages the lawyer on duty in Telegram with nothing personal, and the button takes the alert', async () => {
      const { anna, annaChat } = await roster();
      const { caseCode } = await report();
      const jobs = runner();
      await jobs.runDue();

      const [page] = (await annaChat.read()) as BotMessage[];
      expect(page?.text).toContain(`Дело: ${caseCode}`);
      expect(page?.text).toContain('ugreshskaya');
      expect(page?.text).toMatch(/https:\/\/help\.example\.org\/staff\/cases\/[0-9a-f-]{36}/);
      expect(page?.text).not.toContain('CANARY');
      expect(page?.link_preview_options?.is_disabled).toBe(true);
      expect(buttonLabels(page as BotMessage)).toEqual([[takeButton]]);

      clock.advance(2 * minute);
      const taken = await annaChat.press(page as BotMessage, takeButton);
      expect(taken.text).toBe(`Вызов принят: дело ${caseCode} теперь за вами.`);

      // Taken: no escalation to Boris, and the case's alert log says where it was taken.
      clock.advance(30 * minute);
      await jobs.runDue();
      const [alert] = await database.db.selectFrom('alerts').select('case_id').execute();
      const [caseAlert] = await readCaseAlerts(ports, anna.session, alert?.case_id ?? '');
      expect(caseAlert).toMatchObject({ status: 'acknowledged', acknowledgedBy: anna.userId });
      expect(caseAlert?.steps.filter((step) => step.kind === 'paged')).toHaveLength(1);
      expect(caseAlert?.steps.at(-1)).toMatchObject({ kind: 'acknowledged', channel: 'telegram' });
    });

    it('pages on Telegram only those who linked a chat', async () => {
      await roster();
      await report();
      const jobs = runner();
      await jobs.runDue();
      // Nobody takes it: after five minutes it escalates to Boris, who has no chat linked.
      clock.advance(5 * minute);
      await jobs.runDue();
      const deliveries = await database.db
        .selectFrom('alert_deliveries')
        .innerJoin('alert_pages', 'alert_pages.id', 'alert_deliveries.page_id')
        .innerJoin('staff_users', 'staff_users.id', 'alert_pages.user_id')
        .select(['staff_users.email', 'alert_deliveries.channel', 'alert_deliveries.status'])
        .orderBy('staff_users.email')
        .orderBy('alert_deliveries.channel')
        .execute();
      expect(deliveries).toEqual([
        { email: 'anna@example.org', channel: 'board', status: 'sent' },
        { email: 'anna@example.org', channel: 'telegram', status: 'sent' },
        { email: 'boris@example.org', channel: 'board', status: 'sent' },
      ]);
    });
  },
);
