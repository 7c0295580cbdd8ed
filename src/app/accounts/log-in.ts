import { isLocked, lockAfterFailure } from '../../domain/accounts/login-throttle.ts';
import { normaliseEmail, type StaffUser } from '../../domain/accounts/staff-user.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { UnlockedIdentity } from '../ports/key-crypto.ts';
import type { Ports } from '../ports/ports.ts';
import { type OpenedSession, openSession, stageAfterPassword } from './open-session.ts';

export type LogInInput = { email: string; password: string };

/**
 * Checks a staff password and opens a session that still needs the second factor.
 * Unknown, revoked, locked and wrong all give the same error after the same work, so the
 * answer does not reveal which accounts exist.
 */
export async function logIn(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'tokens' | 'passwordHasher' | 'staffKeys'>,
  input: LogInInput,
): Promise<OpenedSession> {
  const email = normaliseEmail(input.email);
  const found = await deps.unitOfWork.run((repositories) =>
    repositories.staffUsers.findByEmail(email),
  );
  const user = found?.status === 'active' ? found : null;
  const passwordMatches = await deps.passwordHasher.verify(
    user?.passwordHash ?? null,
    input.password,
  );

  const now = deps.clock.now();
  const unlocked =
    user !== null && passwordMatches && !isLocked(user.lockedUntil, now)
      ? await unlockStaffKey(deps, user, input.password)
      : null;
  const outcome = await deps.unitOfWork.run(async (repositories) => {
    if (user === null) return null;
    const locked = isLocked(user.lockedUntil, now);
    if (passwordMatches && !locked) {
      const updated = {
        ...user,
        keys: unlocked?.keys ?? user.keys,
        failedLoginCount: 0,
        lockedUntil: null,
      };
      const stage = stageAfterPassword(user);
      const opened = await openSession(
        repositories,
        deps,
        updated,
        stage,
        now,
        unlocked?.identity ?? null,
      );
      await repositories.staffUsers.update(updated, now);
      await recordAudit(repositories, deps, now, {
        orgId: user.orgId,
        actorUserId: user.id,
        action: 'auth.login',
        details: { stage: opened.stage },
      });
      return opened;
    }
    // While locked, attempts do not extend the lock: a guesser could otherwise keep a lawyer
    // out of the system for as long as he likes.
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
      action: 'auth.login-failed',
      details: { locked },
    });
    return null;
  });
  if (outcome === null) {
    throw new AppError('INVALID_CREDENTIALS', 'login refused');
  }
  return outcome;
}

/**
 * Unlocks the staff key with the password just checked; an account from before staff keys
 * existed gets its key pair now.
 */
async function unlockStaffKey(
  deps: Pick<Ports, 'staffKeys'>,
  user: StaffUser,
  password: string,
): Promise<{ identity: UnlockedIdentity; keys: StaffUser['keys'] } | null> {
  if (user.keys === null) {
    const created = await deps.staffKeys.createIdentity(user.id, password);
    return {
      identity: created.identity,
      keys: { publicKey: created.identity.publicKey, lockedPrivateKey: created.lockedPrivateKey },
    };
  }
  const identity = await deps.staffKeys.unlockIdentity(
    user.id,
    user.keys.publicKey,
    user.keys.lockedPrivateKey,
    password,
  );
  return identity === null ? null : { identity, keys: user.keys };
}
