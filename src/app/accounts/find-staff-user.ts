import { normaliseEmail } from '../../domain/accounts/staff-user.ts';
import { AppError } from '../app-error.ts';
import type { Ports } from '../ports/ports.ts';

/** Resolves an e-mail to the account's ids, for the operator's command line. */
export async function findStaffUser(
  deps: Pick<Ports, 'unitOfWork'>,
  input: { email: string },
): Promise<{ orgId: string; userId: string }> {
  const user = await deps.unitOfWork.run((repositories) =>
    repositories.staffUsers.findByEmail(normaliseEmail(input.email)),
  );
  if (user === null) throw new AppError('NOT_FOUND', 'no such user');
  return { orgId: user.orgId, userId: user.id };
}
