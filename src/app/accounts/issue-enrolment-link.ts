import { normaliseEmail } from '../../domain/accounts/staff-user.ts';
import { AppError } from '../app-error.ts';
import type { Ports } from '../ports/ports.ts';
import type { EnrolmentPurpose } from '../ports/repositories.ts';
import { createEnrolmentToken } from './create-enrolment-token.ts';
import { authorise, recordStaffChange, type StaffActor } from './staff-actor.ts';

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
  return deps.unitOfWork.run(async (repositories) => {
    const user = await repositories.staffUsers.findByEmail(normaliseEmail(input.email));
    if (user === null || user.status === 'revoked')
      throw new AppError('NOT_FOUND', 'no such active user');
    authorise(actor, 'user.manage', { type: 'organisation', orgId: user.orgId });
    const purpose: EnrolmentPurpose = user.status === 'invited' ? 'invitation' : 'password-reset';
    const enrolmentToken = await createEnrolmentToken(repositories, deps, user, purpose, now);
    await recordStaffChange(repositories, deps, now, actor, {
      orgId: user.orgId,
      action: 'auth.password-reset-requested',
      userId: user.id,
      details: { purpose },
    });
    return { enrolmentToken, purpose, orgId: user.orgId, userId: user.id };
  });
}
