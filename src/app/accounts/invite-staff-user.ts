import type { Role } from '../../domain/access/roles.ts';
import { normaliseEmail } from '../../domain/accounts/staff-user.ts';
import { AppError } from '../app-error.ts';
import type { Ports } from '../ports/ports.ts';
import { createEnrolmentToken } from './create-enrolment-token.ts';
import { authorise, recordStaffChange, type StaffActor } from './staff-actor.ts';

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
  let enrolmentToken = '';
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
        keys: null,
      },
      now,
    );
    enrolmentToken = await createEnrolmentToken(
      repositories,
      deps,
      { orgId: input.orgId, id: userId },
      'invitation',
      now,
    );
    await recordStaffChange(repositories, deps, now, actor, {
      orgId: input.orgId,
      action: 'user.invited',
      userId: userId,
      details: { roles: input.roles.join(',') },
    });
  });
  return { userId, enrolmentToken };
}
