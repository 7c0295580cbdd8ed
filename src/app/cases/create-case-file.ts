import type { StaffUser } from '../../domain/accounts/staff-user.ts';
import type { Person } from '../../domain/persons/person.ts';
import { personMatchKey } from '../../domain/persons/person-name-key.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { authorise } from '../accounts/staff-actor.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import type { KeyRecipient, Repositories } from '../ports/repositories.ts';

export type NewPerson = Pick<Person, 'fullName' | 'birthDate' | 'phone' | 'notes'>;

/**
 * Who a new case is sealed to: its creator, the coordinators (who triage every case) and the
 * organisation's escrow key, so that losing every staff key does not lose the case. Only public
 * keys are needed: nobody's private key is used to seal.
 */
export async function caseRecipients(
  repositories: Repositories,
  orgId: string,
  creator: StaffUser,
): Promise<KeyRecipient[]> {
  const organisation = await repositories.organisations.findById(orgId);
  if (organisation?.escrowPublicKey == null) {
    throw new AppError('CONFLICT', 'the organisation has no escrow key: run `habeas escrow init`');
  }
  const staff = await repositories.staffUsers.listByOrganisation(orgId);
  const entitled = staff.filter(
    (member) =>
      member.status === 'active' &&
      member.keys !== null &&
      (member.id === creator.id || member.roles.includes('coordinator')),
  );
  return [
    ...entitled.map((member) => ({
      kind: 'staff' as const,
      id: member.id,
      publicKey: member.keys?.publicKey ?? '',
    })),
    { kind: 'escrow', id: orgId, publicKey: organisation.escrowPublicKey },
  ];
}

/** The blind-index value of a person, when name and birth date make a match key. */
export function personMatchIndex(
  deps: Pick<Ports, 'blindIndex'>,
  orgId: string,
  person: Pick<Person, 'fullName' | 'birthDate'>,
): string | null {
  if (person.birthDate === null) return null;
  const key = personMatchKey({ fullName: person.fullName, birthDate: person.birthDate });
  return key.ok ? deps.blindIndex.personIndex(orgId, key.key) : null;
}

/**
 * Stores a new open case with one person, assigned to its creator, sealed to the creator, the
 * coordinators and escrow, with the person's blind index.
 */
export async function storeNewCase(
  repositories: Repositories,
  deps: Pick<Ports, 'ids' | 'blindIndex'>,
  input: { orgId: string; creator: StaffUser; person: NewPerson; now: Date },
): Promise<{ caseId: string; recipients: number }> {
  const { orgId, creator, now } = input;
  const caseId = deps.ids.newId();
  const person: Person = { id: deps.ids.newId(), orgId, caseId, createdAt: now, ...input.person };
  const matchIndex = personMatchIndex(deps, orgId, person);
  const recipients = await caseRecipients(repositories, orgId, creator);
  await repositories.caseFiles.create(
    {
      id: caseId,
      orgId,
      status: 'open',
      assigneeIds: [creator.id],
      createdBy: creator.id,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    },
    [person],
    recipients,
    new Map(matchIndex === null ? [] : [[person.id, matchIndex]]),
  );
  return { caseId, recipients: recipients.length };
}

/** Opens a new case for a person, sealed from the first byte, and assigns it to its creator. */
export async function createCaseFile(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'blindIndex'>,
  current: AuthenticatedSession,
  input: { person: NewPerson },
): Promise<{ caseId: string }> {
  const { actor, user } = current;
  authorise(actor, 'case.create', { type: 'organisation', orgId: actor.orgId });
  if (user.keys === null) throw new AppError('KEY_UNAVAILABLE', 'creator has no key pair');
  const now = deps.clock.now();
  const caseId = await deps.unitOfWork.run(async (repositories) => {
    const { caseId: created, recipients } = await storeNewCase(repositories, deps, {
      orgId: actor.orgId,
      creator: user,
      person: input.person,
      now,
    });
    await recordAudit(repositories, deps, now, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: 'case.created',
      subjectType: 'case',
      subjectId: created,
      details: { sealedTo: recipients },
    });
    return created;
  });
  return { caseId };
}
