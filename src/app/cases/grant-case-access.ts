import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import { loadCaseFrame } from './read-case-file.ts';

/**
 * Someone who can open a case shares it with a colleague: the case key is sealed to the
 * colleague's public key and the colleague is assigned. The server never holds the key itself.
 */
export async function grantCaseAccess(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: AuthenticatedSession,
  input: { caseId: string; userId: string },
): Promise<void> {
  const { actor, identity } = current;
  const now = deps.clock.now();
  await deps.unitOfWork.run(async (repositories) => {
    const caseFile = await loadCaseFrame(repositories, current, input.caseId, 'case.read');
    const colleague = await repositories.staffUsers.findById(actor.orgId, input.userId);
    if (colleague === null || colleague.status !== 'active')
      throw new AppError('NOT_FOUND', 'no such colleague');
    if (colleague.keys === null)
      throw new AppError('KEY_UNAVAILABLE', 'colleague has no key pair yet');
    const granted =
      identity !== null &&
      (await repositories.caseFiles.grant(
        caseFile,
        identity,
        { kind: 'staff', id: colleague.id, publicKey: colleague.keys.publicKey },
        now,
      ));
    if (!granted) throw new AppError('KEY_UNAVAILABLE', 'granter holds no key to the case');
    await repositories.caseFiles.assign(caseFile, colleague.id, now);
    await recordAudit(repositories, deps, now, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: 'case.access-granted',
      subjectType: 'case',
      subjectId: caseFile.id,
      details: { to: colleague.id },
    });
  });
}
