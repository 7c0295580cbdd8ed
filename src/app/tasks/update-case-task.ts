import {
  type CaseTaskChange,
  type CaseTaskFrame,
  changeCaseTask,
  mayChangeCaseTask,
  type TaskProblem,
} from '../../domain/tasks/case-task.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadCaseFrame } from '../cases/read-case-file.ts';
import type { Ports } from '../ports/ports.ts';
import { assigneeMayOpenCase } from './assignee-may-open-case.ts';

/**
 * Completes or reopens a task, moves its due time, hands it to someone else or renames it.
 * Whoever may update the case may do all of it; the task's assignee may tick it done or reopen
 * it. Answers with the task's clear part: nothing sealed is opened to answer.
 */
export async function updateCaseTask(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: AuthenticatedSession,
  input: { caseId: string; taskId: string; change: CaseTaskChange },
): Promise<{ ok: true; task: CaseTaskFrame } | { ok: false; problems: TaskProblem[] }> {
  const { actor, identity } = current;
  const now = deps.clock.now();
  return deps.unitOfWork.run(async (repositories) => {
    const caseFile = await loadCaseFrame(repositories, current, input.caseId, 'case.read');
    const task = await repositories.caseTasks.findFrame(caseFile, input.taskId);
    if (task === null) throw new AppError('NOT_FOUND', 'no such task on the case');
    const subject = {
      type: 'case' as const,
      orgId: caseFile.orgId,
      assigneeIds: caseFile.assigneeIds,
    };
    if (!mayChangeCaseTask(actor, subject, task, input.change))
      throw new AppError('FORBIDDEN', 'task change refused');
    if (caseFile.status !== 'open') throw new AppError('CASE_NOT_OPEN', 'case is not open');
    const decision = changeCaseTask(task, input.change, {
      now,
      actorId: actor.userId,
      assigneeMayOpenCase: await assigneeMayOpenCase(
        repositories,
        caseFile,
        input.change.assigneeId,
      ),
    });
    if (!decision.ok) return decision;
    await repositories.caseTasks.updateFrame(decision.task);
    if (decision.title !== undefined) {
      const retitled =
        identity !== null &&
        (await repositories.caseTasks.retitle(caseFile, identity, task.id, decision.title));
      if (!retitled) throw new AppError('KEY_UNAVAILABLE', 'editor holds no key to the case');
    }
    await recordAudit(repositories, deps, now, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: 'case.task-changed',
      subjectType: 'case',
      subjectId: caseFile.id,
      details: {
        taskId: task.id,
        done: input.change.done ?? null,
        rescheduled: input.change.dueAt !== undefined,
        reassigned: input.change.assigneeId !== undefined,
        retitled: decision.title !== undefined,
      },
    });
    return { ok: true, task: decision.task };
  });
}
