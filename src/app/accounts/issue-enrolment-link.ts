import { normaliseEmail } from '../../domain/accounts/staff-user.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import type { EnrolmentPurpose } from '../ports/repositories.ts';
import { enrolmentLinkLifetimeMs } from './invite-staff-user.ts';
import { auditActor, authorise, type StaffActor } from './staff-actor.ts';

export const resetLinkLifetimeMs = 60 * 60_000;

/**
 * A fresh one-time link for a staff member: an invitation if he never set a password, a
 * password reset otherwise. Redeeming a reset ends all his sessions; his second factor stays.
 */
export async function issueEnrolmentLink(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'tokens'>,
  actor: StaffActor,
  input: { email: string },
): Promise<{ enrolmentToken: string; purpose: EnrolmentPurpose; orgId: string; userId: string }> {
  const now = deps.clock.now();
  const enrolmentToken = deps.tokens.newToken();
  return deps.unitOfWork.run(async (repositories) => {
    const user = await repositories.staffUsers.findByEmail(normaliseEmail(input.email));
    if (user === null || user.status === 'revoked')
      throw new AppError('NOT_FOUND', 'no such active user');
    authorise(actor, 'user.manage', { type: 'organisation', orgId: user.orgId });
    const purpose: EnrolmentPurpose = user.status === 'invited' ? 'invitation' : 'password-reset';
    const lifetime = purpose === 'invitation' ? enrolmentLinkLifetimeMs : resetLinkLifetimeMs;
    await repositories.enrolmentTokens.insert(
      {
        id: deps.ids.newId(),
        orgId: user.orgId,
        userId: user.id,
        purpose,
        expiresAt: new Date(now.getTime() + lifetime),
        usedAt: null,
      },
      deps.tokens.hash(enrolmentToken),
    );
    const { actorUserId, details } = auditActor(actor);
    await recordAudit(repositories, deps, now, {
      orgId: user.orgId,
      actorUserId,
      action: 'auth.password-reset-requested',
      subjectType: 'user',
      subjectId: user.id,
      details: { ...details, purpose },
    });
    return { enrolmentToken, purpose, orgId: user.orgId, userId: user.id };
  });
}
