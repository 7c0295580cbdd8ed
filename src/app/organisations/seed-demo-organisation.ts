import type { Role } from '../../domain/access/roles.ts';
import { inviteStaffUser } from '../accounts/invite-staff-user.ts';
import { setPasswordWithToken } from '../accounts/set-password-with-token.ts';
import type { Ports } from '../ports/ports.ts';
import { createOrganisation } from './create-organisation.ts';

export const demoAdminEmail = 'admin@demo.habeas.invalid';

const demoStaff: { email: string; displayName: string; roles: Role[] }[] = [
  {
    email: 'coordinator@demo.habeas.invalid',
    displayName: 'Анна Координатор',
    roles: ['coordinator'],
  },
  { email: 'lawyer@demo.habeas.invalid', displayName: 'Борис Юрист', roles: ['lawyer'] },
  { email: 'operator@demo.habeas.invalid', displayName: 'Вера Оператор', roles: ['operator'] },
  { email: 'volunteer@demo.habeas.invalid', displayName: 'Глеб Волонтёр', roles: ['volunteer'] },
];

/**
 * A demo organisation for a first start: an admin with the given password (who enrols his
 * second factor at first login) and one invited member of each other role. The `.invalid`
 * domain guarantees no mail ever reaches a real person.
 */
export async function seedDemoOrganisation(
  deps: Pick<
    Ports,
    'unitOfWork' | 'clock' | 'ids' | 'tokens' | 'passwordHasher' | 'commonPasswords' | 'staffKeys'
  >,
  input: { adminPassword: string },
): Promise<{ orgId: string; adminEmail: string }> {
  const cli = { system: 'cli' } as const;
  const organisation = await createOrganisation(deps, { name: 'Демо: правозащитная группа' });
  const admin = await inviteStaffUser(deps, cli, {
    orgId: organisation.id,
    email: demoAdminEmail,
    displayName: 'Администратор демо',
    roles: ['admin'],
  });
  await setPasswordWithToken(deps, { token: admin.enrolmentToken, password: input.adminPassword });
  for (const member of demoStaff) {
    await inviteStaffUser(deps, cli, { orgId: organisation.id, ...member });
  }
  return { orgId: organisation.id, adminEmail: demoAdminEmail };
}
