import { type CaseTask, newCaseTask, type TaskProblem } from '../../domain/tasks/case-task.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadCaseFrame } from '../cases/read-case-file.ts';
import type { Ports } from '../ports/ports.ts';
import { assigneeMayOpenCase } from './assignee-may-open-case.ts';

export type AddCaseTaskInput = {
  caseId: string;
  title: string;
  dueAt: Date | null;
  assigneeId: string | null;
};

/**
 * Adds a task to an open case, its title sealed with the case's key, for whoever may update the
 * case. Problems with the input come back as values, each naming its field.
 */
export async function addCaseTask(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: AuthenticatedSession,
  input: AddCaseTaskInput,
): Promise<{ ok: true; task: CaseTask } | { ok: false; problems: TaskProblem[] }> {
  const { actor, identity } = current;
  const now = deps.clock.now();
  return deps.unitOfWork.run(async (repositories) => {
    const caseFile = await loadCaseFrame(repositories, current, input.caseId, 'case.update');
    if (caseFile.status !== 'open') throw new AppError('CASE_NOT_OPEN', 'case is not open');
    const decision = newCaseTask(
      {
        id: deps.ids.newId(),
        orgId: caseFile.orgId,
        caseId: caseFile.id,
        title: input.title,
        dueAt: input.dueAt,
        assigneeId: input.assigneeId,
        createdBy: actor.userId,
      },
      {
        now,
        assigneeMayOpenCase: await assigneeMayOpenCase(repositories, caseFile, input.assigneeId),
      },
    );
    if (!decision.ok) return decision;
    const stored =
      identity !== null && (await repositories.caseTasks.add(caseFile, identity, decision.task));
    if (!stored) throw new AppError('KEY_UNAVAILABLE', 'author holds no key to the case');
    await recordAudit(repositories, deps, now, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: 'case.task-added',
      subjectType: 'case',
      subjectId: caseFile.id,
      details: { taskId: decision.task.id, assigned: decision.task.assigneeId !== null },
    });
    return decision;
  });
}
