import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/can.ts';
import { personalFields } from '../sealing/data-class.ts';
import {
  type CaseTaskFrame,
  caseTaskDataClasses,
  changeCaseTask,
  mayChangeCaseTask,
  type NewCaseTask,
  newCaseTask,
  taskTitleMaxLength,
} from './case-task.ts';

const now = new Date('2026-11-29T10:00:00Z');
const day = 86_400_000;

function buildNewTask(overrides: Partial<NewCaseTask> = {}): NewCaseTask {
  return {
    id: 'task-1',
    orgId: 'org-1',
    caseId: 'case-1',
    title: 'Позвонить матери',
    dueAt: new Date('2026-11-30T07:00:00Z'),
    assigneeId: null,
    createdBy: 'user-1',
    ...overrides,
  };
}

function buildFrame(overrides: Partial<CaseTaskFrame> = {}): CaseTaskFrame {
  return {
    id: 'task-1',
    orgId: 'org-1',
    caseId: 'case-1',
    dueAt: new Date('2026-11-30T07:00:00Z'),
    assigneeId: null,
    status: 'open',
    doneAt: null,
    doneBy: null,
    createdBy: 'user-1',
    createdAt: now,
    ...overrides,
  };
}

const context = { now, assigneeMayOpenCase: true };

function reasons(result: { ok: boolean; problems?: { field: string; reason: string }[] }) {
  return result.ok ? [] : (result.problems ?? []).map(({ field, reason }) => `${field}:${reason}`);
}

describe('a new case task', () => {
  it('is open, with its title on one line and who made it when', () => {
    const result = newCaseTask(
      buildNewTask({ title: '  Подать жалобу\nв военную прокуратуру  ' }),
      context,
    );
    expect(result).toEqual({
      ok: true,
      task: {
        ...buildNewTask({ title: 'Подать жалобу в военную прокуратуру' }),
        status: 'open',
        doneAt: null,
        doneBy: null,
        createdAt: now,
      },
    });
  });

  it('refuses an empty or blank title', () => {
    expect(reasons(newCaseTask(buildNewTask({ title: ' \n\t ' }), context))).toEqual([
      'title:TITLE_EMPTY',
    ]);
  });

  it('refuses a title over the limit, counting characters rather than UTF-16 units', () => {
    const longest = `${'ё'.repeat(taskTitleMaxLength - 1)}🙂`;
    expect(newCaseTask(buildNewTask({ title: longest }), context).ok).toBe(true);
    expect(reasons(newCaseTask(buildNewTask({ title: `${longest}я` }), context))).toEqual([
      'title:TITLE_TOO_LONG',
    ]);
  });

  it('needs a due time, neither long past nor years ahead', () => {
    expect(reasons(newCaseTask(buildNewTask({ dueAt: null }), context))).toEqual([
      'dueAt:DUE_MISSING',
    ]);
    expect(reasons(newCaseTask(buildNewTask({ dueAt: new Date('nonsense') }), context))).toEqual([
      'dueAt:DUE_MISSING',
    ]);
    const lateEntry = new Date(now.getTime() - 7 * day);
    expect(newCaseTask(buildNewTask({ dueAt: lateEntry }), context).ok).toBe(true);
    expect(
      reasons(newCaseTask(buildNewTask({ dueAt: new Date(lateEntry.getTime() - 1) }), context)),
    ).toEqual(['dueAt:DUE_TOO_EARLY']);
    expect(
      reasons(newCaseTask(buildNewTask({ dueAt: new Date('2052-11-30T07:00:00Z') }), context)),
    ).toEqual(['dueAt:DUE_TOO_LATE']);
  });

  it('refuses an assignee who cannot open the case, and names every problem at once', () => {
    const result = newCaseTask(buildNewTask({ title: '', dueAt: null, assigneeId: 'user-2' }), {
      now,
      assigneeMayOpenCase: false,
    });
    expect(reasons(result)).toEqual([
      'title:TITLE_EMPTY',
      'dueAt:DUE_MISSING',
      'assigneeId:ASSIGNEE_CANNOT_OPEN_CASE',
    ]);
    expect(result.ok ? [] : result.problems.map((problem) => problem.message.ru)).toContain(
      'Этот сотрудник не может открыть дело: сначала откройте ему доступ.',
    );
    // Leaving the task to the case's team needs no one's access.
    expect(
      newCaseTask(buildNewTask({ assigneeId: null }), { now, assigneeMayOpenCase: false }).ok,
    ).toBe(true);
  });

  it('seals its title and keeps the rest operational', () => {
    expect(personalFields(caseTaskDataClasses)).toEqual(['title']);
  });
});

describe('changing a case task', () => {
  const later = new Date(now.getTime() + 3_600_000);
  const changeContext = { now: later, actorId: 'user-3', assigneeMayOpenCase: true };

  it('completes an open task, recording who and when, and reopens it', () => {
    const completed = changeCaseTask(buildFrame(), { done: true }, changeContext);
    expect(completed).toEqual({
      ok: true,
      task: buildFrame({ status: 'done', doneAt: later, doneBy: 'user-3' }),
    });
    if (!completed.ok) throw new Error('not completed');
    expect(changeCaseTask(completed.task, { done: false }, changeContext)).toEqual({
      ok: true,
      task: buildFrame(),
    });
  });

  it('cannot complete a task twice, nor reopen an open one', () => {
    const done = buildFrame({ status: 'done', doneAt: now, doneBy: 'user-1' });
    expect(reasons(changeCaseTask(done, { done: true }, changeContext))).toEqual([
      'done:ALREADY_DONE',
    ]);
    expect(reasons(changeCaseTask(buildFrame(), { done: false }, changeContext))).toEqual([
      'done:NOT_DONE',
    ]);
  });

  it('moves the due time and the assignee, and hands back a new title apart', () => {
    const dueAt = new Date('2026-12-02T09:00:00Z');
    expect(
      changeCaseTask(
        buildFrame(),
        { dueAt, assigneeId: 'user-2', title: ' Съездить  в Угрешскую ' },
        changeContext,
      ),
    ).toEqual({
      ok: true,
      task: buildFrame({ dueAt, assigneeId: 'user-2' }),
      title: 'Съездить в Угрешскую',
    });
  });

  it('checks a changed due time, title and assignee as a new task does', () => {
    expect(
      reasons(
        changeCaseTask(
          buildFrame(),
          { title: '', dueAt: new Date('2030-01-01T00:00:00Z'), assigneeId: 'user-9' },
          { ...changeContext, assigneeMayOpenCase: false },
        ),
      ),
    ).toEqual(['title:TITLE_EMPTY', 'dueAt:DUE_TOO_LATE', 'assigneeId:ASSIGNEE_CANNOT_OPEN_CASE']);
  });
});

describe('who may change a case task', () => {
  const subject = { type: 'case', orgId: 'org-1', assigneeIds: ['volunteer-1'] } as const;
  const volunteer: Actor = { userId: 'volunteer-1', orgId: 'org-1', roles: ['volunteer'] };
  const lawyer: Actor = { userId: 'lawyer-1', orgId: 'org-1', roles: ['lawyer'] };
  const coordinator: Actor = { userId: 'coord-1', orgId: 'org-1', roles: ['coordinator'] };

  it('lets whoever may update the case change anything', () => {
    expect(mayChangeCaseTask(coordinator, subject, buildFrame(), { title: 'x', done: true })).toBe(
      true,
    );
    expect(
      mayChangeCaseTask(lawyer, { ...subject, assigneeIds: ['lawyer-1'] }, buildFrame(), {
        dueAt: now,
      }),
    ).toBe(true);
    expect(mayChangeCaseTask(lawyer, subject, buildFrame(), { done: true })).toBe(false);
  });

  it('lets the assignee tick their own task done, and nothing more', () => {
    const own = buildFrame({ assigneeId: 'volunteer-1' });
    expect(mayChangeCaseTask(volunteer, subject, own, { done: true })).toBe(true);
    expect(mayChangeCaseTask(volunteer, subject, own, { done: false })).toBe(true);
    expect(mayChangeCaseTask(volunteer, subject, own, { done: true, dueAt: now })).toBe(false);
    expect(mayChangeCaseTask(volunteer, subject, buildFrame(), { done: true })).toBe(false);
    // Taken off the case, the assignee can no longer touch it.
    expect(mayChangeCaseTask(volunteer, { ...subject, assigneeIds: [] }, own, { done: true })).toBe(
      false,
    );
  });
});
