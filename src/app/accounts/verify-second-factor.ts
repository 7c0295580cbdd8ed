import { isLocked, lockAfterFailure } from '../../domain/accounts/login-throttle.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import { authenticateSession } from './authenticate-session.ts';
import { type OpenedSession, openSession } from './open-session.ts';

export type SecondFactorInput = { code: string } | { recoveryCode: string };

/**
 * Completes a login with a TOTP code (each code works once) or a single-use recovery code,
 * replacing the half-finished session with a full one.
 */
export async function verifySecondFactor(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'tokens' | 'totp' | 'staffKeys'>,
  sessionToken: string | undefined,
  input: SecondFactorInput,
): Promise<OpenedSession> {
  const { session, user, identity } = await authenticateSession(
    deps,
    sessionToken,
    'second-factor',
  );
  const now = deps.clock.now();
  if (user.totp === null) throw new AppError('UNAUTHENTICATED', 'no second factor enrolled');
  const locked = isLocked(user.lockedUntil, now);
  const totpCheck =
    'code' in input && !locked
      ? await deps.totp.check({
          userId: user.id,
          sealedSecret: user.totp.sealedSecret,
          code: input.code,
          now,
          afterStep: user.totp.lastStep,
        })
      : { valid: false as const };

  const opened = await deps.unitOfWork.run(async (repositories) => {
    const recoveryCodeUsed =
      'recoveryCode' in input && !locked
        ? await repositories.recoveryCodes.consume(
            user.orgId,
            user.id,
            deps.tokens.hash(normaliseRecoveryCode(input.recoveryCode)),
            now,
          )
        : false;
    if (!totpCheck.valid && !recoveryCodeUsed) {
      if (!locked) {
        const failedLoginCount = user.failedLoginCount + 1;
        await repositories.staffUsers.update(
          { ...user, failedLoginCount, lockedUntil: lockAfterFailure(failedLoginCount, now) },
          now,
        );
      }
      await recordAudit(repositories, deps, now, {
        orgId: user.orgId,
        actorUserId: user.id,
        action: 'auth.second-factor-failed',
      });
      return null;
    }
    const totp =
      totpCheck.valid && user.totp ? { ...user.totp, lastStep: totpCheck.step } : user.totp;
    await repositories.staffUsers.update(
      { ...user, totp, failedLoginCount: 0, lockedUntil: null },
      now,
    );
    await repositories.staffSessions.update({ ...session, revokedAt: now });
    const full = await openSession(repositories, deps, user, 'full', now, identity);
    await recordAudit(repositories, deps, now, {
      orgId: user.orgId,
      actorUserId: user.id,
      action: recoveryCodeUsed ? 'auth.recovery-code-used' : 'auth.second-factor-verified',
      details: recoveryCodeUsed
        ? { recoveryCodesLeft: await repositories.recoveryCodes.countUnused(user.orgId, user.id) }
        : {},
    });
    return full;
  });
  if (opened === null) throw new AppError('INVALID_CODE', 'second factor refused');
  return opened;
}

/** Recovery codes are shown grouped (`abcde-fghij`); people type them any which way. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}
