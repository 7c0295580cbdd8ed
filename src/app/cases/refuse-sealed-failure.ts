import type { Actor } from '../../domain/access/can.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { SealedDataError } from '../ports/key-crypto.ts';
import type { Ports } from '../ports/ports.ts';

/**
 * A sealed value that failed its check is never shown: the failure is audited in a transaction
 * of its own (the reading one rolled back) and the read refused, naming the record.
 */
export async function refuseSealedFailure(
  deps: Pick<Ports, 'unitOfWork' | 'ids'>,
  now: Date,
  actor: Actor,
  caseId: string,
  error: SealedDataError,
): Promise<never> {
  const failed = `${error.context.table}.${error.context.field} of ${error.context.recordId}`;
  await deps.unitOfWork.run((repositories) =>
    recordAudit(repositories, deps, now, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: 'case.decryption-failed',
      subjectType: 'case',
      subjectId: caseId,
      details: { record: failed },
    }),
  );
  throw new AppError('SEALED_DATA_REFUSED', `sealed value refused: ${failed}`, failed);
}
