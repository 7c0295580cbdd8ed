import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { testClock } from '../../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../../test/support/test-databases.ts';
import {
  closeRouteHarness,
  openRouteHarness,
  signInOverHttp,
} from '../../../../test/support/test-server.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import type { Role } from '../../../domain/access/roles.ts';
import type { HabeasServer } from '../build-server.ts';

describe.each(testDialects())('case tasks over HTTP [$name]', (dialect) => {
  let database: TestDatabase;
  let clock: ReturnType<typeof testClock>;
  let ports: Ports;
  let server: HabeasServer;
  let orgId: string;

  beforeEach(async () => {
    // Sunday 29 November 2026, 13:00 in Moscow.
    ({ database, clock, ports, server, orgId } = await openRouteHarness(
      dialect,
      new Date('2026-11-29T10:00:00Z'),
      { escrow: true },
    ));
  });
  afterEach(() => closeRouteHarness({ server, database }));

  const signedIn = (roles: Role[]) => signInOverHttp({ server, ports, clock }, { orgId, roles });

  async function caseOf(owner: Awaited<ReturnType<typeof signedIn>>) {
    const created = await owner.browser.post('/api/v1/cases', {
      person: { fullName: 'Смирнов Алексей Петрович' },
    });
    return (created.json() as { caseId: string }).caseId;
  }

  async function caseReads(caseId: string) {
    const rows = await database.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'details'])
      .where('action', '=', 'case.read')
      .where('subject_id', '=', caseId)
      .orderBy('seq')
      .execute();
    return rows.map((row) => ({ actor: row.actor_user_id, ...JSON.parse(row.details) }));
  }

  it('adds, lists and ticks off a case’s tasks, and shows them in my day', async () => {
    const lawyer = await signedIn(['lawyer']);
    const caseId = await caseOf(lawyer);
    const tasks = `/api/v1/cases/${caseId}/tasks`;

    const created = await lawyer.browser.post(tasks, {
      title: 'Подать жалобу военному прокурору',
      dueAt: '2026-11-30T10:00:00+03:00',
    });
    expect(created.statusCode).toBe(201);
    const task = created.json();
    expect(task).toMatchObject({
      caseId,
      title: 'Подать жалобу военному прокурору',
      dueAt: '2026-11-30T07:00:00.000Z',
      assigneeId: null,
      status: 'open',
      doneAt: null,
      createdBy: lawyer.userId,
    });

    const listed = await lawyer.browser.get(tasks);
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual({ tasks: [task] });
    expect(await caseReads(caseId)).toEqual([{ actor: lawyer.userId, purpose: 'tasks', tasks: 1 }]);

    const myDay = await lawyer.browser.get('/api/v1/my-day?utcOffset=180');
    expect(myDay.statusCode).toBe(200);
    expect(myDay.json()).toEqual({
      today: '2026-11-29',
      lastDay: '2026-12-06',
      tasks: [{ ...task, bucket: 'soon', caseCode: null }],
      deadlines: [],
      documents: [],
      unopenedCases: 0,
      unevaluatedCases: 0,
    });
    expect((await caseReads(caseId)).at(-1)).toEqual({
      actor: lawyer.userId,
      purpose: 'my-day',
      tasks: 1,
      deadlines: 0,
    });

    const done = await lawyer.browser.request({
      method: 'PATCH',
      url: `${tasks}/${task.id}`,
      body: { done: true },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ id: task.id, status: 'done', doneBy: lawyer.userId });
    expect(done.json()).not.toHaveProperty('title');
    expect((await lawyer.browser.get('/api/v1/my-day')).json().tasks).toEqual([]);

    const openApi = await server.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const paths = openApi.json().paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/api/v1/cases/{caseId}/tasks'] ?? {}).sort()).toEqual([
      'get',
      'post',
    ]);
    expect(Object.keys(paths['/api/v1/cases/{caseId}/tasks/{taskId}'] ?? {})).toEqual(['patch']);
    expect(Object.keys(paths['/api/v1/my-day'] ?? {})).toEqual(['get']);
  });

  it('refuses bad input naming the field, in the reader’s language', async () => {
    const lawyer = await signedIn(['lawyer']);
    const caseId = await caseOf(lawyer);
    const tasks = `/api/v1/cases/${caseId}/tasks`;

    const blank = await lawyer.browser.post(tasks, {
      title: '  ',
      dueAt: '2031-01-01T10:00:00+03:00',
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields).toEqual([
      { path: 'body.title', message: 'Напишите, что нужно сделать.' },
      { path: 'body.dueAt', message: 'Срок больше чем через два года: проверьте год.' },
    ]);

    const undated = await lawyer.browser.request({
      method: 'POST',
      url: tasks,
      body: { title: 'Без срока', dueAt: '30.11.2026' },
      headers: { 'accept-language': 'en' },
    });
    expect(undated.statusCode).toBe(400);
    expect(undated.json().error.fields).toEqual([
      { path: 'body.dueAt', message: 'Invalid format.' },
    ]);

    const task = (
      await lawyer.browser.post(tasks, { title: 'Позвонить', dueAt: '2026-11-30T10:00:00Z' })
    ).json();
    const patch = (body: unknown) =>
      lawyer.browser.request({ method: 'PATCH', url: `${tasks}/${task.id}`, body });
    expect((await patch({ done: true })).statusCode).toBe(200);
    const twice = await patch({ done: true });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields).toEqual([
      { path: 'body.done', message: 'Задача уже выполнена.' },
    ]);
    expect((await patch({})).statusCode).toBe(400);
    expect((await patch({ dueAt: '2026-12-01T10:00:00Z' })).json().dueAt).toBe(
      '2026-12-01T10:00:00.000Z',
    );

    expect((await lawyer.browser.post(`/api/v1/cases/${caseId}/close`)).statusCode).toBe(204);
    const closed = await lawyer.browser.post(tasks, {
      title: 'Поздно',
      dueAt: '2026-11-30T10:00:00Z',
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('CASE_NOT_OPEN');
  });

  it('keeps a volunteer not assigned to the case out, and lets an assigned one tick his own task', async () => {
    const lawyer = await signedIn(['lawyer']);
    const volunteer = await signedIn(['volunteer']);
    const caseId = await caseOf(lawyer);
    const tasks = `/api/v1/cases/${caseId}/tasks`;
    const task = (
      await lawyer.browser.post(tasks, {
        title: 'Съездить в Угрешскую',
        dueAt: '2026-11-30T10:00:00Z',
      })
    ).json();

    expect((await volunteer.browser.get(tasks)).statusCode).toBe(403);
    expect(
      (await volunteer.browser.post(tasks, { title: 'x', dueAt: '2026-11-30T10:00:00Z' }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await volunteer.browser.request({
          method: 'PATCH',
          url: `${tasks}/${task.id}`,
          body: { done: true },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await volunteer.browser.get(`/api/v1/cases/${ports.ids.newId()}/tasks`)).statusCode,
    ).toBe(404);
    const giveToVolunteer = await lawyer.browser.request({
      method: 'PATCH',
      url: `${tasks}/${task.id}`,
      body: { assigneeId: volunteer.userId },
    });
    expect(giveToVolunteer.statusCode).toBe(400);
    expect(giveToVolunteer.json().error.fields[0].path).toBe('body.assigneeId');
    expect((await volunteer.browser.get('/api/v1/my-day')).json().tasks).toEqual([]);
    expect((await caseReads(caseId)).map((read) => read.actor)).not.toContain(volunteer.userId);

    await lawyer.browser.post(`/api/v1/cases/${caseId}/grants`, { userId: volunteer.userId });
    expect(
      (
        await lawyer.browser.request({
          method: 'PATCH',
          url: `${tasks}/${task.id}`,
          body: { assigneeId: volunteer.userId },
        })
      ).statusCode,
    ).toBe(200);
    const hisDay = (await volunteer.browser.get('/api/v1/my-day')).json();
    expect(hisDay.tasks.map((entry: { title: string }) => entry.title)).toEqual([
      'Съездить в Угрешскую',
    ]);
    const ticked = await volunteer.browser.request({
      method: 'PATCH',
      url: `${tasks}/${task.id}`,
      body: { done: true },
    });
    expect(ticked.statusCode).toBe(200);
    const moved = await volunteer.browser.request({
      method: 'PATCH',
      url: `${tasks}/${task.id}`,
      body: { dueAt: '2026-12-01T10:00:00Z' },
    });
    expect(moved.statusCode).toBe(403);
  });

  it('shows the deadlines of the legal position recorded on my case', async () => {
    const lawyer = await signedIn(['lawyer']);
    const caseId = await caseOf(lawyer);
    const recorded = await lawyer.browser.post(`/api/v1/cases/${caseId}/legal-positions`, {
      facts: {
        complaint: {
          sentTo: 'military-prosecutor',
          receivedOn: '2026-11-01',
          registeredOn: '2026-11-02',
        },
      },
    });
    expect(recorded.statusCode).toBe(201);

    const myDay = (await lawyer.browser.get('/api/v1/my-day?utcOffset=180')).json();
    expect(myDay.deadlines).toEqual([
      expect.objectContaining({
        caseId,
        ruleId: 'CPL-02',
        date: '2026-12-02',
        bucket: 'soon',
        label: { ru: 'Ответ не позднее', en: 'Answer due by' },
        statement: expect.objectContaining({
          ru: 'Ответ на обращение должен быть дан в течение 30 дней со дня регистрации.',
        }),
      }),
    ]);
    expect((await lawyer.browser.get('/api/v1/my-day?utcOffset=9999')).statusCode).toBe(400);
  });
});
