import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import { authenticateSession } from './authenticate-session.ts';
import { type OpenedSession, openSession } from './open-session.ts';
import { normaliseRecoveryCode } from './verify-second-factor.ts';

const issuer = 'Habeas';
export const recoveryCodeCount = 10;

export type TotpEnrolment = { secret: string; uri: string; qrCodeDataUrl: string };

/**
 * Gives a user who has no second factor yet a new TOTP secret to scan. The secret waits on the
 * half-finished session until a code from it is confirmed.
 */
export async function startTotpEnrolment(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'tokens' | 'totp' | 'staffKeys'>,
  sessionToken: string | undefined,
): Promise<TotpEnrolment> {
  const { session, user } = await authenticateSession(deps, sessionToken, 'totp-enrolment');
  const { secret, sealedSecret } = deps.totp.newSecret(user.id);
  await deps.unitOfWork.run((repositories) =>
    repositories.staffSessions.update({ ...session, pendingSealedTotpSecret: sealedSecret }),
  );
  const { uri, qrCodeDataUrl } = await deps.totp.enrolment({ secret, issuer, label: user.email });
  return { secret, uri, qrCodeDataUrl };
}

export type ConfirmedEnrolment = OpenedSession & { recoveryCodes: string[] };

/**
 * Confirms the scanned secret with a code from the app, stores it, issues recovery codes
 * (shown once, stored hashed) and completes the login.
 */
export async function confirmTotpEnrolment(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'tokens' | 'totp' | 'staffKeys'>,
  sessionToken: string | undefined,
  input: { code: string },
): Promise<ConfirmedEnrolment> {
  const { session, user, identity } = await authenticateSession(
    deps,
    sessionToken,
    'totp-enrolment',
  );
  const sealedSecret = session.pendingSealedTotpSecret;
  if (sealedSecret === null) throw new AppError('INVALID_CODE', 'enrolment was not started');
  const now = deps.clock.now();
  const check = await deps.totp.check({
    userId: user.id,
    sealedSecret,
    code: input.code,
    now,
    afterStep: null,
  });
  if (!check.valid) throw new AppError('INVALID_CODE', 'enrolment code refused');

  const recoveryCodes = Array.from({ length: recoveryCodeCount }, () =>
    deps.tokens.newRecoveryCode(),
  );
  return deps.unitOfWork.run(async (repositories) => {
    await repositories.staffUsers.update(
      { ...user, totp: { sealedSecret, lastStep: check.step } },
      now,
    );
    await repositories.recoveryCodes.replaceAll(
      user.orgId,
      user.id,
      recoveryCodes.map((code) => deps.tokens.hash(normaliseRecoveryCode(code))),
      recoveryCodes.map(() => deps.ids.newId()),
    );
    await repositories.staffSessions.update({
      ...session,
      revokedAt: now,
      pendingSealedTotpSecret: null,
    });
    const full = await openSession(repositories, deps, user, 'full', now, identity);
    await recordAudit(repositories, deps, now, {
      orgId: user.orgId,
      actorUserId: user.id,
      action: 'auth.totp-enrolled',
    });
    return { ...full, recoveryCodes };
  });
}
