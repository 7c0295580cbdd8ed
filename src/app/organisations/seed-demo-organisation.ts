import type { Role } from '../../domain/access/roles.ts';
import { inviteStaffUser } from '../accounts/invite-staff-user.ts';
import { setPasswordWithToken } from '../accounts/set-password-with-token.ts';
import { AppError } from '../app-error.ts';
import { caseRecipients, type NewPerson, storeNewCase } from '../cases/create-case-file.ts';
import type { Ports } from '../ports/ports.ts';
import { createOrganisation } from './create-organisation.ts';
import { setEscrowKey } from './init-escrow.ts';

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

/** Invented people: the demo must never hold a real person's data. */
const samplePersons: NewPerson[] = [
  {
    fullName: 'Примеров Иван Сергеевич',
    birthDate: '2006-04-12',
    phone: null,
    notes: 'Пример: задержан в метро, доставлен в сборный пункт; апелляция в суде.',
  },
  {
    fullName: 'Образцов Пётр Андреевич',
    birthDate: '2005-09-30',
    phone: null,
    notes: 'Пример: электронная повестка, хочет обжаловать решение комиссии.',
  },
  {
    fullName: 'Демонстров Алексей Игоревич',
    birthDate: '2007-01-05',
    phone: null,
    notes: 'Пример: адвоката не пустили в военкомат с нотариальной доверенностью.',
  },
];

/**
 * A demo organisation for a first start: an admin with the given password (who enrols his
 * second factor at first login) and one invited member of each other role. The `.invalid`
 * domain guarantees no mail ever reaches a real person.
 */
export async function seedDemoOrganisation(
  deps: Pick<
    Ports,
    | 'unitOfWork'
    | 'clock'
    | 'ids'
    | 'tokens'
    | 'passwordHasher'
    | 'commonPasswords'
    | 'staffKeys'
    | 'blindIndex'
    | 'shippedPlaces'
  >,
  input: { adminPassword: string },
): Promise<{ orgId: string; adminEmail: string; escrowPrivateKey: string; sampleCases: number }> {
  const cli = { system: 'cli' } as const;
  const organisation = await createOrganisation(deps, { name: 'Демо: правозащитная группа' });
  const admin = await inviteStaffUser(deps, cli, {
    orgId: organisation.id,
    email: demoAdminEmail,
    displayName: 'Администратор демо',
    roles: ['admin', 'coordinator'],
  });
  await setPasswordWithToken(deps, { token: admin.enrolmentToken, password: input.adminPassword });
  for (const member of demoStaff) {
    await inviteStaffUser(deps, cli, { orgId: organisation.id, ...member });
  }
  const escrow = await setEscrowKey(deps, { orgId: organisation.id });
  const now = deps.clock.now();
  await deps.unitOfWork.run(async (repositories) => {
    const adminUser = await repositories.staffUsers.findById(organisation.id, admin.userId);
    if (adminUser === null) throw new AppError('NOT_FOUND', 'demo admin is missing');
    const recipients = await caseRecipients(repositories, organisation.id, {
      creatorId: adminUser.id,
      roles: ['coordinator'],
    });
    for (const person of samplePersons) {
      await storeNewCase(repositories, deps, {
        orgId: organisation.id,
        creator: adminUser,
        persons: [person],
        recipients,
        now,
      });
    }
  });
  return {
    orgId: organisation.id,
    adminEmail: demoAdminEmail,
    escrowPrivateKey: escrow.privateKey,
    sampleCases: samplePersons.length,
  };
}
