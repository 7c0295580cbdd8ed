import { normaliseEmail } from '../../domain/accounts/staff-user.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import type { MailLanguage } from '../ports/staff-mail.ts';
import { createEnrolmentToken } from './create-enrolment-token.ts';

/**
 * Sends a one-hour reset link to an active account's address. The caller answers the same way
 * whether or not the account exists, and the mail leaves after the answer, so neither the
 * response nor its timing tells an attacker which addresses are staff.
 */
export async function requestPasswordReset(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'tokens' | 'staffMail'>,
  input: { email: string; language: MailLanguage },
): Promise<{ delivery: Promise<void> }> {
  const email = normaliseEmail(input.email);
  const now = deps.clock.now();
  const token = await deps.unitOfWork.run(async (repositories) => {
    const user = await repositories.staffUsers.findByEmail(email);
    if (user === null || user.status !== 'active') return null;
    const issued = await createEnrolmentToken(repositories, deps, user, 'password-reset', now);
    await recordAudit(repositories, deps, now, {
      orgId: user.orgId,
      actorUserId: user.id,
      action: 'auth.password-reset-requested',
      subjectType: 'user',
      subjectId: user.id,
      details: { via: 'self' },
    });
    return issued;
  });
  const delivery =
    token === null
      ? Promise.resolve()
      : deps.staffMail.sendPasswordReset({ to: email, token, language: input.language });
  return { delivery };
}
