import { judgePassword } from '../../domain/accounts/password-policy.ts';
import type { StaffUser } from '../../domain/accounts/staff-user.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import type { EnrolmentToken, Repositories } from '../ports/repositories.ts';
import { type OpenedSession, openSession, stageAfterPassword } from './open-session.ts';

/**
 * Redeems a one-time enrolment or reset link: sets the password and opens a session that goes
 * on to the second factor. A reset ends every other session of the account.
 */
export async function setPasswordWithToken(
  deps: Pick<
    Ports,
    'unitOfWork' | 'clock' | 'ids' | 'tokens' | 'passwordHasher' | 'commonPasswords' | 'staffKeys'
  >,
  input: { token: string; password: string },
): Promise<OpenedSession> {
  const verdict = judgePassword(input.password, (candidate) =>
    deps.commonPasswords.isCommon(candidate),
  );
  if (!verdict.ok) throw new AppError('WEAK_PASSWORD', 'password refused', verdict.reason);
  const tokenHash = deps.tokens.hash(input.token);
  const now = deps.clock.now();
  const redeemable = await deps.unitOfWork.run((repositories) =>
    findRedeemable(repositories, tokenHash, now),
  );
  const passwordHash = await deps.passwordHasher.hash(input.password);
  // A new password means a new key pair: the old private key was locked under the old
  // password. What was sealed to the old key is re-sealed to the new one from escrow.
  const created = await deps.staffKeys.createIdentity(redeemable.user.id, input.password);
  return deps.unitOfWork.run(async (repositories) => {
    // Checked again: the link may have been used while the keys were being made.
    const { token, user } = await findRedeemable(repositories, tokenHash, now);
    await repositories.enrolmentTokens.markUsed(token.id, now);
    const updated = {
      ...user,
      passwordHash,
      status: 'active' as const,
      failedLoginCount: 0,
      lockedUntil: null,
      keys: { publicKey: created.identity.publicKey, lockedPrivateKey: created.lockedPrivateKey },
    };
    await repositories.staffUsers.update(updated, now);
    if (token.purpose === 'password-reset') {
      await repositories.staffSessions.revokeAllOfUser(user.orgId, user.id, now);
    }
    await recordAudit(repositories, deps, now, {
      orgId: user.orgId,
      actorUserId: user.id,
      action: 'user.password-set',
      details: { purpose: token.purpose },
    });
    return openSession(
      repositories,
      deps,
      updated,
      stageAfterPassword(updated),
      now,
      created.identity,
    );
  });
}

async function findRedeemable(
  repositories: Repositories,
  tokenHash: string,
  now: Date,
): Promise<{ token: EnrolmentToken; user: StaffUser }> {
  const token = await repositories.enrolmentTokens.findByTokenHash(tokenHash);
  if (token === null || token.usedAt !== null || token.expiresAt.getTime() <= now.getTime()) {
    throw new AppError('TOKEN_INVALID', 'enrolment token unknown, used or expired');
  }
  const user = await repositories.staffUsers.findById(token.orgId, token.userId);
  if (user === null || user.status === 'revoked') {
    throw new AppError('TOKEN_INVALID', 'enrolment token for an inactive account');
  }
  return { token, user };
}
