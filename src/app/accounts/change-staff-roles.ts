import type { Role } from '../../domain/access/roles.ts';
import { AppError } from '../app-error.ts';
import type { Ports } from '../ports/ports.ts';
import { authorise, recordStaffChange, type StaffActor } from './staff-actor.ts';

/**
 * Replaces a staff member's roles. Refuses to leave an organisation without an active admin,
 * which would lock everyone out of its administration.
 */
export async function changeStaffRoles(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  actor: StaffActor,
  input: { orgId: string; userId: string; roles: Role[] },
): Promise<void> {
  authorise(actor, 'user.manage', { type: 'organisation', orgId: input.orgId });
  if (input.roles.length === 0)
    throw new AppError('CONFLICT', 'a staff member needs at least one role');
  const roles = [...new Set(input.roles)].sort();
  const now = deps.clock.now();
  await deps.unitOfWork.run(async (repositories) => {
    const user = await repositories.staffUsers.findById(input.orgId, input.userId);
    if (user === null) throw new AppError('NOT_FOUND', 'no such user');
    if (user.roles.includes('admin') && !roles.includes('admin')) {
      const staff = await repositories.staffUsers.listByOrganisation(input.orgId);
      const otherAdmins = staff.filter(
        (member) =>
          member.id !== user.id && member.status === 'active' && member.roles.includes('admin'),
      );
      if (otherAdmins.length === 0)
        throw new AppError('CONFLICT', 'the last admin keeps the admin role');
    }
    await repositories.staffUsers.setRoles(input.orgId, input.userId, roles);
    await recordStaffChange(repositories, deps, now, actor, {
      orgId: input.orgId,
      action: 'user.role-changed',
      userId: user.id,
      details: { from: [...user.roles].sort().join(','), to: roles.join(',') },
    });
  });
}
