import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';

/** Sets how many days closed cases are kept before they are destroyed (null: keep). */
export async function setClosedCaseRetention(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  input: { orgId: string; days: number | null },
): Promise<void> {
  if (input.days !== null && (!Number.isInteger(input.days) || input.days < 0)) {
    throw new AppError('CONFLICT', 'retention must be a whole number of days');
  }
  const now = deps.clock.now();
  await deps.unitOfWork.run(async (repositories) => {
    if ((await repositories.organisations.findById(input.orgId)) === null) {
      throw new AppError('NOT_FOUND', 'no such organisation');
    }
    await repositories.organisations.setClosedCaseRetention(input.orgId, input.days);
    await recordAudit(repositories, deps, now, {
      orgId: input.orgId,
      actorUserId: null,
      action: 'organisation.retention-set',
      subjectType: 'organisation',
      subjectId: input.orgId,
      details: { via: 'cli', days: input.days },
    });
  });
}
