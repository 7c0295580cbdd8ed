import type { CaseTask } from '../../domain/tasks/case-task.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { AppError } from '../app-error.ts';
import { loadCaseFrame, recordCaseRead } from '../cases/read-case-file.ts';
import { refuseSealedFailure } from '../cases/refuse-sealed-failure.ts';
import { SealedDataError } from '../ports/key-crypto.ts';
import type { Ports } from '../ports/ports.ts';

/** A case's tasks by due time, titles opened with the reader's key: an audited read. */
export async function listCaseTasks(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: AuthenticatedSession,
  caseId: string,
): Promise<CaseTask[]> {
  const { actor, identity } = current;
  const now = deps.clock.now();
  try {
    return await deps.unitOfWork.run(async (repositories) => {
      const caseFile = await loadCaseFrame(repositories, current, caseId, 'case.read');
      const tasks =
        identity === null ? null : await repositories.caseTasks.listOpened(caseFile, identity);
      if (tasks === null) throw new AppError('KEY_UNAVAILABLE', 'reader holds no key to the case');
      await recordCaseRead(repositories, deps, now, actor, caseId, {
        purpose: 'tasks',
        tasks: tasks.length,
      });
      return tasks;
    });
  } catch (error) {
    if (error instanceof SealedDataError)
      return refuseSealedFailure(deps, now, actor, caseId, error);
    throw error;
  }
}
