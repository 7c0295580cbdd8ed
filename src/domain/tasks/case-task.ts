import { type Actor, can, type Subject } from '../access/can.ts';
import type { DataClasses } from '../sealing/data-class.ts';

export const caseTaskStatuses = ['open', 'done'] as const;
export type CaseTaskStatus = (typeof caseTaskStatuses)[number];

/**
 * The clear part of a task on a case: enough to find what is due for whom, and when, without
 * opening the case.
 */
export type CaseTaskFrame = {
  id: string;
  orgId: string;
  caseId: string;
  dueAt: Date;
  /** Who is to do it; null leaves it to everyone assigned to the case. */
  assigneeId: string | null;
  status: CaseTaskStatus;
  doneAt: Date | null;
  doneBy: string | null;
  createdBy: string;
  createdAt: Date;
};

/** Something to do on a case by a time: call the mother, file the appeal, go to the centre. */
export type CaseTask = CaseTaskFrame & {
  /** Free text, and it may name the person: sealed with the case's key. */
  title: string;
};

export const caseTaskDataClasses: DataClasses<CaseTask> = {
  id: 'operational',
  orgId: 'operational',
  caseId: 'operational',
  title: 'personal',
  dueAt: 'operational',
  assigneeId: 'operational',
  status: 'operational',
  doneAt: 'operational',
  doneBy: 'operational',
  createdBy: 'operational',
  createdAt: 'operational',
};

export const taskTitleMaxLength = 200;

const dayMs = 86_400_000;
/** A task may be recorded late, for something that was due in the last few days. */
export const dueAtEarliestDays = 7;
/**
 * The longest periods a lawyer acts on are months (an appeal: 3 months; a decision: a year); a
 * due time years ahead is a mistyped year.
 */
export const dueAtLatestDays = 2 * 365;

export type TaskField = 'title' | 'dueAt' | 'assigneeId' | 'done';

export type TaskProblemReason =
  | 'TITLE_EMPTY'
  | 'TITLE_TOO_LONG'
  | 'DUE_MISSING'
  | 'DUE_TOO_EARLY'
  | 'DUE_TOO_LATE'
  | 'ASSIGNEE_CANNOT_OPEN_CASE'
  | 'ALREADY_DONE'
  | 'NOT_DONE';

/** Why a task was refused, naming the field, in both languages of the staff app. */
export type TaskProblem = {
  field: TaskField;
  reason: TaskProblemReason;
  message: { ru: string; en: string };
};

const messages: Record<TaskProblemReason, { ru: string; en: string }> = {
  TITLE_EMPTY: { ru: 'Напишите, что нужно сделать.', en: 'Say what is to be done.' },
  TITLE_TOO_LONG: {
    ru: `Не больше ${taskTitleMaxLength} символов: подробности — в заметках дела.`,
    en: `At most ${taskTitleMaxLength} characters: details belong in the case notes.`,
  },
  DUE_MISSING: { ru: 'Укажите срок.', en: 'Give a due time.' },
  DUE_TOO_EARLY: {
    ru: `Срок больше ${dueAtEarliestDays} дней назад: проверьте дату.`,
    en: `The due time is more than ${dueAtEarliestDays} days ago: check the date.`,
  },
  DUE_TOO_LATE: {
    ru: 'Срок больше чем через два года: проверьте год.',
    en: 'The due time is more than two years ahead: check the year.',
  },
  ASSIGNEE_CANNOT_OPEN_CASE: {
    ru: 'Этот сотрудник не может открыть дело: сначала откройте ему доступ.',
    en: 'This colleague cannot open the case: share it with them first.',
  },
  ALREADY_DONE: { ru: 'Задача уже выполнена.', en: 'The task is already done.' },
  NOT_DONE: { ru: 'Задача ещё не выполнена.', en: 'The task is not done yet.' },
};

function problem(field: TaskField, reason: TaskProblemReason): TaskProblem {
  return { field, reason, message: messages[reason] };
}

export type TaskDecision<Task> = { ok: true; task: Task } | { ok: false; problems: TaskProblem[] };

/** A title is one line: surrounding space goes, line breaks and runs of space become one space. */
export function normaliseTaskTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim();
}

function titleProblems(title: string): TaskProblem[] {
  if (title === '') return [problem('title', 'TITLE_EMPTY')];
  return [...title].length > taskTitleMaxLength ? [problem('title', 'TITLE_TOO_LONG')] : [];
}

function dueProblems(dueAt: Date | null, now: Date): TaskProblem[] {
  if (dueAt === null || Number.isNaN(dueAt.getTime())) return [problem('dueAt', 'DUE_MISSING')];
  if (dueAt.getTime() < now.getTime() - dueAtEarliestDays * dayMs)
    return [problem('dueAt', 'DUE_TOO_EARLY')];
  if (dueAt.getTime() > now.getTime() + dueAtLatestDays * dayMs)
    return [problem('dueAt', 'DUE_TOO_LATE')];
  return [];
}

/**
 * Whether the named assignee may hold the task: someone who cannot open the case would be
 * given a task whose title they cannot read. No assignee is always fine.
 */
function assigneeProblems(assigneeId: string | null, assigneeMayOpenCase: boolean): TaskProblem[] {
  return assigneeId !== null && !assigneeMayOpenCase
    ? [problem('assigneeId', 'ASSIGNEE_CANNOT_OPEN_CASE')]
    : [];
}

export type NewCaseTask = {
  id: string;
  orgId: string;
  caseId: string;
  title: string;
  dueAt: Date | null;
  assigneeId: string | null;
  createdBy: string;
};

/**
 * A new open task, its title normalised; every problem with the input at once. `now` bounds
 * the due time; `assigneeMayOpenCase` says whether the named assignee could open the case.
 */
export function newCaseTask(
  input: NewCaseTask,
  context: { now: Date; assigneeMayOpenCase: boolean },
): TaskDecision<CaseTask> {
  const title = normaliseTaskTitle(input.title);
  const problems = [
    ...titleProblems(title),
    ...dueProblems(input.dueAt, context.now),
    ...assigneeProblems(input.assigneeId, context.assigneeMayOpenCase),
  ];
  if (problems.length > 0 || input.dueAt === null) return { ok: false, problems };
  return {
    ok: true,
    task: {
      id: input.id,
      orgId: input.orgId,
      caseId: input.caseId,
      title,
      dueAt: input.dueAt,
      assigneeId: input.assigneeId,
      status: 'open',
      doneAt: null,
      doneBy: null,
      createdBy: input.createdBy,
      createdAt: context.now,
    },
  };
}

/** What a change to a task may touch; absent fields stay as they are. */
export type CaseTaskChange = {
  title?: string;
  dueAt?: Date;
  assigneeId?: string | null;
  /** true completes the task, false reopens it. */
  done?: boolean;
};

/**
 * Applies a change to a task: completing a done task or reopening an open one is refused, as is
 * a due time out of bounds or an assignee who cannot open the case. The new title, normalised,
 * comes back apart from the frame because only the title is sealed.
 */
export function changeCaseTask(
  task: CaseTaskFrame,
  change: CaseTaskChange,
  context: { now: Date; actorId: string; assigneeMayOpenCase: boolean },
): { ok: true; task: CaseTaskFrame; title?: string } | { ok: false; problems: TaskProblem[] } {
  const title = change.title === undefined ? undefined : normaliseTaskTitle(change.title);
  const problems = [
    ...(title === undefined ? [] : titleProblems(title)),
    ...(change.dueAt === undefined ? [] : dueProblems(change.dueAt, context.now)),
    ...(change.assigneeId === undefined
      ? []
      : assigneeProblems(change.assigneeId, context.assigneeMayOpenCase)),
    ...(change.done === true && task.status === 'done' ? [problem('done', 'ALREADY_DONE')] : []),
    ...(change.done === false && task.status === 'open' ? [problem('done', 'NOT_DONE')] : []),
  ];
  if (problems.length > 0) return { ok: false, problems };
  const completion =
    change.done === undefined
      ? {}
      : change.done
        ? { status: 'done' as const, doneAt: context.now, doneBy: context.actorId }
        : { status: 'open' as const, doneAt: null, doneBy: null };
  const changed: CaseTaskFrame = {
    ...task,
    ...(change.dueAt === undefined ? {} : { dueAt: change.dueAt }),
    ...(change.assigneeId === undefined ? {} : { assigneeId: change.assigneeId }),
    ...completion,
  };
  return title === undefined ? { ok: true, task: changed } : { ok: true, task: changed, title };
}

/**
 * Who may change a task: whoever may update the case; and the task's own assignee, who may
 * tick it done or reopen it as long as they may open the case (a volunteer sent to the centre
 * reports back this way without being able to edit the case).
 */
export function mayChangeCaseTask(
  actor: Actor,
  caseSubject: Extract<Subject, { type: 'case' }>,
  task: Pick<CaseTaskFrame, 'assigneeId'>,
  change: CaseTaskChange,
): boolean {
  if (can(actor, 'case.update', caseSubject)) return true;
  const onlyCompletion =
    change.title === undefined && change.dueAt === undefined && change.assigneeId === undefined;
  return onlyCompletion && task.assigneeId === actor.userId && can(actor, 'case.read', caseSubject);
}
