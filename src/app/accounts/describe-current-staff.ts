import type { Role } from '../../domain/access/roles.ts';
import { AppError } from '../app-error.ts';
import type { Ports } from '../ports/ports.ts';
import type { AuthenticatedSession } from './authenticate-session.ts';

export type CurrentStaff = {
  user: { id: string; email: string; displayName: string; roles: Role[] };
  organisation: { id: string; name: string };
};

/** Who is logged in, and in which organisation: what the staff app shows in its header. */
export async function describeCurrentStaff(
  deps: Pick<Ports, 'unitOfWork'>,
  current: AuthenticatedSession,
): Promise<CurrentStaff> {
  const organisation = await deps.unitOfWork.run((repositories) =>
    repositories.organisations.findById(current.actor.orgId),
  );
  if (organisation === null) throw new AppError('NOT_FOUND', 'organisation of session is gone');
  const { user } = current;
  return {
    user: { id: user.id, email: user.email, displayName: user.displayName, roles: user.roles },
    organisation: { id: organisation.id, name: organisation.name },
  };
}
