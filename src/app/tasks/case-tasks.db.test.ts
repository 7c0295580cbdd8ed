import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEnrolledStaff } from '../../../test/support/staff-fixtures.ts';
import { testClock } from '../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../test/support/test-databases.ts';
import type { Role } from '../../domain/access/roles.ts';
import type { CaseTask } from '../../domain/tasks/case-task.ts';
import { buildPorts } from '../../server/container.ts';
import { authenticateSession } from '../accounts/authenticate-session.ts';
import { verifyAuditLog } from '../audit/verify-audit-log.ts';
import { closeCaseFile } from '../cases/close-case-file.ts';
import { createCaseFile } from '../cases/create-case-file.ts';
import { deleteCaseFile } from '../cases/delete-case-file.ts';
import { grantCaseAccess } from '../cases/grant-case-access.ts';
import { createOrganisation } from '../organisations/create-organisation.ts';
import { setEscrowKey } from '../organisations/init-escrow.ts';
import { rotateCaseKeys } from '../organisations/rotate-case-keys.ts';
import type { Ports } from '../ports/ports.ts';
import { recordLegalPosition } from '../rules/record-legal-position.ts';
import { setRuleChoice } from '../rules/set-rule-choice.ts';
import { type AddCaseTaskInput, addCaseTask } from './add-case-task.ts';
import { describeMyDay } from './describe-my-day.ts';
import { listCaseTasks } from './list-case-tasks.ts';
import { updateCaseTask } from './update-case-task.ts';

const canaryTitle = 'Позвонить матери Канареечкина CANARY-TASK-3f7a';
const person = { fullName: 'Канареечкин Тимофей', birthDate: null, phone: null, notes: null };
const hour = 3_600_000;
const day = 24 * hour;
const moscow = 180;

describe.each(testDialects())('case tasks [$name]', (dialect) => {
  let database: TestDatabase;
  let clock: ReturnType<typeof testClock>;
  let ports: Ports;
  let orgId: string;
  let escrowPrivateKey: string;

  beforeEach(async () => {
    database = await dialect.open();
    // Sunday 29 November 2026, 13:00 in Moscow.
    clock = testClock(new Date('2026-11-29T10:00:00Z'));
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
  type Staff = Awaited<ReturnType<typeof staff>>;

  async function openCase(by: Staff) {
    return (await createCaseFile(ports, by.session, { person })).caseId;
  }

  async function added(by: Staff, input: Partial<AddCaseTaskInput> & { caseId: string }) {
    const result = await addCaseTask(ports, by.session, {
      title: canaryTitle,
      dueAt: new Date(clock.now().getTime() + day),
      assigneeId: null,
      ...input,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.task;
  }

  async function auditRows(action: string) {
    return database.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'subject_id', 'details'])
      .where('action', '=', action)
      .orderBy('seq')
      .execute();
  }

  it('keeps a task’s title only sealed, and opens it for the case’s readers in an audited read', async () => {
    const lawyer = await staff(['lawyer']);
    const coordinator = await staff(['coordinator']);
    const caseId = await openCase(lawyer);
    const task = await added(lawyer, { caseId });

    const stored = await sql<Record<string, unknown>>`select * from case_tasks`.execute(
      database.db,
    );
    const dump = JSON.stringify(stored.rows);
    expect(dump).not.toContain('CANARY');
    expect(dump).not.toContain('Канареечкин');
    expect(stored.rows[0]).toMatchObject({ case_id: caseId, status: 'open', assignee_id: null });

    for (const reader of [lawyer, coordinator]) {
      expect(await listCaseTasks(ports, reader.session, caseId)).toEqual([task]);
    }
    expect(task).toMatchObject({ title: canaryTitle, status: 'open', createdBy: lawyer.userId });
    expect(await auditRows('case.task-added')).toEqual([
      {
        actor_user_id: lawyer.userId,
        subject_id: caseId,
        details: JSON.stringify({ taskId: task.id, assigned: false }),
      },
    ]);
    const reads = await auditRows('case.read');
    expect(reads.map((read) => [read.actor_user_id, JSON.parse(read.details)])).toEqual([
      [lawyer.userId, { purpose: 'tasks', tasks: 1 }],
      [coordinator.userId, { purpose: 'tasks', tasks: 1 }],
    ]);
    expect((await verifyAuditLog(ports))[0]?.chainBreak).toBeNull();
  });

  it('lets only those who may update the case add tasks, and only to an open case', async () => {
    const lawyer = await staff(['lawyer']);
    const volunteer = await staff(['volunteer']);
    const outsider = await staff(['lawyer']);
    const caseId = await openCase(lawyer);
    await grantCaseAccess(ports, lawyer.session, { caseId, userId: volunteer.userId });

    for (const refused of [volunteer, outsider]) {
      await expect(added(refused, { caseId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(listCaseTasks(ports, outsider.session, caseId)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await closeCaseFile(ports, lawyer.session, caseId);
    await expect(added(lawyer, { caseId })).rejects.toMatchObject({ code: 'CASE_NOT_OPEN' });
    expect(await database.db.selectFrom('case_tasks').select('id').execute()).toEqual([]);
  });

  it('answers bad input with every problem named, and stores nothing', async () => {
    const lawyer = await staff(['lawyer']);
    const outsider = await staff(['volunteer']);
    const caseId = await openCase(lawyer);
    const result = await addCaseTask(ports, lawyer.session, {
      caseId,
      title: '   ',
      dueAt: new Date('2036-01-01T00:00:00Z'),
      assigneeId: outsider.userId,
    });
    expect(result.ok ? [] : result.problems.map((problem) => problem.reason)).toEqual([
      'TITLE_EMPTY',
      'DUE_TOO_LATE',
      'ASSIGNEE_CANNOT_OPEN_CASE',
    ]);
    const unknown = await addCaseTask(ports, lawyer.session, {
      caseId,
      title: 'Съездить в военкомат',
      dueAt: new Date(clock.now().getTime() + day),
      assigneeId: ports.ids.newId(),
    });
    expect(unknown.ok ? [] : unknown.problems.map((problem) => problem.field)).toEqual([
      'assigneeId',
    ]);
    expect(await database.db.selectFrom('case_tasks').select('id').execute()).toEqual([]);
    expect(await auditRows('case.task-added')).toEqual([]);
  });

  it('completes and reopens a task, refuses completing it twice, and lets its assignee tick it', async () => {
    const lawyer = await staff(['lawyer']);
    const volunteer = await staff(['volunteer']);
    const caseId = await openCase(lawyer);
    await grantCaseAccess(ports, lawyer.session, { caseId, userId: volunteer.userId });
    const task = await added(lawyer, { caseId, assigneeId: volunteer.userId });

    clock.advance(hour);
    const done = await updateCaseTask(ports, volunteer.session, {
      caseId,
      taskId: task.id,
      change: { done: true },
    });
    expect(done).toEqual({
      ok: true,
      task: {
        ...task,
        title: undefined,
        status: 'done',
        doneAt: clock.now(),
        doneBy: volunteer.userId,
      },
    });
    const twice = await updateCaseTask(ports, lawyer.session, {
      caseId,
      taskId: task.id,
      change: { done: true },
    });
    expect(twice.ok ? [] : twice.problems.map((problem) => problem.reason)).toEqual([
      'ALREADY_DONE',
    ]);
    await expect(
      updateCaseTask(ports, volunteer.session, {
        caseId,
        taskId: task.id,
        change: { dueAt: new Date(clock.now().getTime() + 2 * day) },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const reopened = await updateCaseTask(ports, lawyer.session, {
      caseId,
      taskId: task.id,
      change: { done: false, title: 'Съездить в Угрешскую', assigneeId: null },
    });
    expect(reopened.ok && reopened.task).toMatchObject({ status: 'open', assigneeId: null });
    expect(await listCaseTasks(ports, lawyer.session, caseId)).toEqual([
      { ...task, title: 'Съездить в Угрешскую', assigneeId: null },
    ]);
    expect((await auditRows('case.task-changed')).map((row) => JSON.parse(row.details))).toEqual([
      { taskId: task.id, done: true, rescheduled: false, reassigned: false, retitled: false },
      { taskId: task.id, done: false, rescheduled: false, reassigned: true, retitled: true },
    ]);
    await expect(
      updateCaseTask(ports, lawyer.session, {
        caseId,
        taskId: ports.ids.newId(),
        change: { done: true },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('destroys a deleted case’s tasks, and keeps titles readable through key rotation', async () => {
    const coordinator = await staff(['coordinator']);
    const kept = await openCase(coordinator);
    const deleted = await openCase(coordinator);
    const keptTask = await added(coordinator, { caseId: kept });
    await added(coordinator, { caseId: deleted, title: 'Удаляемая задача' });

    await deleteCaseFile(ports, coordinator.session, deleted);
    const left = await database.db.selectFrom('case_tasks').select(['case_id', 'title']).execute();
    expect(left.map((row) => row.case_id)).toEqual([kept]);

    const sealedBefore = left[0]?.title;
    expect(await rotateCaseKeys(ports, { orgId, escrowPrivateKey })).toEqual({ rotatedCases: 1 });
    const sealedAfter = await database.db.selectFrom('case_tasks').select('title').execute();
    expect(sealedAfter[0]?.title).not.toBe(sealedBefore);
    expect(await listCaseTasks(ports, coordinator.session, kept)).toEqual([keptTask]);
  });

  it('refuses a title moved from another task, and audits the failure', async () => {
    const lawyer = await staff(['lawyer']);
    const caseId = await openCase(lawyer);
    const first = await added(lawyer, { caseId });
    const second = await added(lawyer, { caseId, title: 'Другая задача' });
    const [secondRow] = await database.db
      .selectFrom('case_tasks')
      .select('title')
      .where('id', '=', second.id)
      .execute();
    await database.db
      .updateTable('case_tasks')
      .set({ title: secondRow?.title ?? '' })
      .where('id', '=', first.id)
      .execute();

    await expect(listCaseTasks(ports, lawyer.session, caseId)).rejects.toMatchObject({
      code: 'SEALED_DATA_REFUSED',
      detail: `case_tasks.title of ${first.id}`,
    });
    await expect(
      describeMyDay(ports, lawyer.session, { utcOffsetMinutes: moscow }),
    ).rejects.toMatchObject({ code: 'SEALED_DATA_REFUSED' });
    const failures = await auditRows('case.decryption-failed');
    expect(failures.map((failure) => failure.subject_id)).toEqual([caseId, caseId]);
  });

  describe('my day', () => {
    /** 13:00 Moscow on the day of the test clock, moved by `days` and `hours`. */
    const at = (days: number, hours = 0) =>
      new Date(new Date('2026-11-29T10:00:00Z').getTime() + days * day + hours * hour);

    it('lists my open tasks that are overdue, due today or within a week, by due time', async () => {
      const lawyer = await staff(['lawyer']);
      const colleague = await staff(['lawyer']);
      const mine = await openCase(lawyer);
      const theirs = await openCase(colleague);
      const shared = await openCase(colleague);
      await grantCaseAccess(ports, colleague.session, { caseId: shared, userId: lawyer.userId });

      const overdue = await added(lawyer, { caseId: mine, title: 'Просрочено', dueAt: at(-2) });
      const tonight = await added(lawyer, { caseId: mine, title: 'Сегодня', dueAt: at(0, 8) });
      const forMe = await added(colleague, {
        caseId: shared,
        title: 'Мне',
        dueAt: at(3),
        assigneeId: lawyer.userId,
      });
      const teamTask = await added(colleague, { caseId: shared, title: 'Всем', dueAt: at(7, 10) });
      await added(lawyer, { caseId: mine, title: 'Через восемь дней', dueAt: at(8, 11) });
      await added(colleague, { caseId: theirs, title: 'Не моё дело', dueAt: at(1) });
      await added(colleague, {
        caseId: shared,
        title: 'Коллеге',
        dueAt: at(1),
        assigneeId: colleague.userId,
      });
      const done = await added(lawyer, { caseId: mine, title: 'Сделано', dueAt: at(1) });
      await updateCaseTask(ports, lawyer.session, {
        caseId: mine,
        taskId: done.id,
        change: { done: true },
      });

      const myDay = await describeMyDay(ports, lawyer.session, { utcOffsetMinutes: moscow });
      expect(myDay).toMatchObject({
        today: '2026-11-29',
        lastDay: '2026-12-06',
        deadlines: [],
        unopenedCases: 0,
        unevaluatedCases: 0,
      });
      expect(myDay.tasks.map((task) => [task.title, task.bucket, task.caseId])).toEqual([
        [overdue.title, 'overdue', mine],
        [tonight.title, 'today', mine],
        [forMe.title, 'soon', shared],
        [teamTask.title, 'soon', shared],
      ]);
      expect(myDay.tasks[0]).toEqual({
        ...overdue,
        bucket: 'overdue',
        caseCode: null,
      } satisfies CaseTask & { bucket: string; caseCode: null });

      const reads = (await auditRows('case.read')).filter(
        (read) => JSON.parse(read.details).purpose === 'my-day',
      );
      expect(reads.map((read) => [read.subject_id, JSON.parse(read.details).tasks]).sort()).toEqual(
        [
          [mine, 2],
          [shared, 2],
        ].sort(),
      );
    });

    it('leaves out closed cases and counts the cases it cannot open', async () => {
      const lawyer = await staff(['lawyer']);
      const coordinator = await staff(['coordinator']);
      const closed = await openCase(coordinator);
      const notShared = await openCase(coordinator);
      await added(coordinator, {
        caseId: closed,
        dueAt: at(1),
        assigneeId: coordinator.userId,
      });
      await closeCaseFile(ports, coordinator.session, closed);
      // A task for the lawyer on a case the lawyer was never given: the title stays closed.
      await database.db
        .insertInto('case_tasks')
        .values({
          ...(await database.db.selectFrom('case_tasks').selectAll().executeTakeFirstOrThrow()),
          id: ports.ids.newId(),
          case_id: notShared,
          assignee_id: lawyer.userId,
        })
        .execute();

      expect(await describeMyDay(ports, coordinator.session, { utcOffsetMinutes: moscow })).toEqual(
        expect.objectContaining({ tasks: [], unopenedCases: 0 }),
      );
      expect(await describeMyDay(ports, lawyer.session, { utcOffsetMinutes: moscow })).toEqual(
        expect.objectContaining({ tasks: [], unopenedCases: 1 }),
      );
      expect((await auditRows('case.read')).length).toBe(0);
    });

    it('adds the deadlines the rules compute from the latest legal position on my cases', async () => {
      const lawyer = await staff(['lawyer']);
      const caseId = await openCase(lawyer);
      await recordLegalPosition(ports, lawyer.session, {
        caseId,
        facts: { draftDecision: { by: 'municipal', madeOn: '2026-01-10' } },
      });
      await recordLegalPosition(ports, lawyer.session, {
        caseId,
        facts: {
          draftDecision: { by: 'municipal', madeOn: '2026-09-01' },
          complaint: {
            sentTo: 'military-prosecutor',
            receivedOn: '2026-11-01',
            registeredOn: '2026-11-02',
          },
        },
      });

      const myDay = await describeMyDay(ports, lawyer.session, { utcOffsetMinutes: moscow });
      expect(
        myDay.deadlines.map(({ ruleId, date, bucket, caseId: of }) => [ruleId, date, bucket, of]),
      ).toEqual([
        ['APL-01', '2026-12-01', 'soon', caseId],
        ['APL-11', '2026-12-01', 'soon', caseId],
        ['CPL-02', '2026-12-02', 'soon', caseId],
      ]);
      expect(myDay.deadlines[2]).toMatchObject({
        title: { ru: 'Ответ на обращение в течение 30 дней' },
        label: { ru: 'Ответ не позднее' },
        confidence: 'high',
        caseCode: null,
      });
      const reads = await auditRows('case.read');
      expect(reads.map((read) => [read.subject_id, JSON.parse(read.details)])).toEqual([
        [caseId, { purpose: 'my-day', tasks: 0, deadlines: 3 }],
      ]);

      // The organisation's reading of a disputed rule applies as it is now.
      const coordinator = await staff(['coordinator']);
      await setRuleChoice(ports, coordinator.session, {
        ruleId: 'APL-01',
        choice: 'under-review',
        note: null,
      });
      const underReview = await describeMyDay(ports, lawyer.session, { utcOffsetMinutes: moscow });
      expect(underReview.deadlines.filter((deadline) => deadline.ruleId === 'APL-01')).toHaveLength(
        1,
      );

      // Past the deadlines, the day is clear again.
      clock.advance(4 * day);
      expect(
        (await describeMyDay(ports, lawyer.session, { utcOffsetMinutes: moscow })).deadlines,
      ).toEqual([]);
    });
  });
});
