import type { Role } from '../../domain/access/roles.ts';
import { normaliseEmail } from '../../domain/accounts/staff-user.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import { auditActor, authorise, type StaffActor } from './staff-actor.ts';

export const enrolmentLinkLifetimeMs = 7 * 24 * 60 * 60_000;

export type InviteStaffUserInput = {
  orgId: string;
  email: string;
  displayName: string;
  roles: Role[];
};

/**
 * Adds a staff member who has no password yet, and returns the one-time enrolment token for
 * the link through which he chooses a password and enrols his second factor.
 */
export async function inviteStaffUser(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'tokens'>,
  actor: StaffActor,
  input: InviteStaffUserInput,
): Promise<{ userId: string; enrolmentToken: string }> {
  authorise(actor, 'user.manage', { type: 'organisation', orgId: input.orgId });
  const now = deps.clock.now();
  const email = normaliseEmail(input.email);
  const enrolmentToken = deps.tokens.newToken();
  const userId = deps.ids.newId();
  await deps.unitOfWork.run(async (repositories) => {
    if ((await repositories.organisations.findById(input.orgId)) === null) {
      throw new AppError('NOT_FOUND', 'no such organisation');
    }
    if ((await repositories.staffUsers.findByEmail(email)) !== null) {
      throw new AppError('CONFLICT', 'e-mail already registered');
    }
    await repositories.staffUsers.insert(
      {
        id: userId,
        orgId: input.orgId,
        email,
        displayName: input.displayName.trim(),
        status: 'invited',
        roles: [...new Set(input.roles)],
        passwordHash: null,
        totp: null,
        failedLoginCount: 0,
        lockedUntil: null,
      },
      now,
    );
    await repositories.enrolmentTokens.insert(
      {
        id: deps.ids.newId(),
        orgId: input.orgId,
        userId,
        purpose: 'invitation',
        expiresAt: new Date(now.getTime() + enrolmentLinkLifetimeMs),
        usedAt: null,
      },
      deps.tokens.hash(enrolmentToken),
    );
    const { actorUserId, details } = auditActor(actor);
    await recordAudit(repositories, deps, now, {
      orgId: input.orgId,
      actorUserId,
      action: 'user.invited',
      subjectType: 'user',
      subjectId: userId,
      details: { ...details, roles: input.roles.join(',') },
    });
  });
  return { userId, enrolmentToken };
}
