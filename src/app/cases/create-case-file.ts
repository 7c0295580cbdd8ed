import type { Role } from '../../domain/access/roles.ts';
import type { StaffUser } from '../../domain/accounts/staff-user.ts';
import type { Report } from '../../domain/intake/report.ts';
import type { Person } from '../../domain/persons/person.ts';
import { personMatchKey } from '../../domain/persons/person-name-key.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { authorise } from '../accounts/staff-actor.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import type { KeyRecipient, NewCaseRecord, Repositories } from '../ports/repositories.ts';

export type NewPerson = Pick<Person, 'fullName' | 'birthDate' | 'phone' | 'notes'>;

/**
 * Who a new case is sealed to: its creator (when staff opened it), the staff of the given roles
 * (who triage cases) or named (who are on duty) and the organisation's escrow key, so that losing every staff key does not
 * lose the case. Only public keys are needed: nobody's private key is used to seal.
 */
export async function caseRecipients(
  repositories: Repositories,
  orgId: string,
  entitled: { creatorId: string | null; roles: readonly Role[]; userIds?: readonly string[] },
): Promise<KeyRecipient[]> {
  const organisation = await repositories.organisations.findById(orgId);
  if (organisation?.escrowPublicKey == null) {
    throw new AppError('CONFLICT', 'the organisation has no escrow key: run `habeas escrow init`');
  }
  const staff = await repositories.staffUsers.listByOrganisation(orgId);
  const recipients: KeyRecipient[] = [];
  for (const member of staff) {
    if (member.status !== 'active' || member.keys === null) continue;
    if (
      member.id !== entitled.creatorId &&
      !entitled.userIds?.includes(member.id) &&
      !member.roles.some((role) => entitled.roles.includes(role))
    )
      continue;
    recipients.push({ kind: 'staff', id: member.id, publicKey: member.keys.publicKey });
  }
  return [...recipients, { kind: 'escrow', id: orgId, publicKey: organisation.escrowPublicKey }];
}

/** Coordinators see every case; cases opened by staff are sealed to them besides the creator. */
export const staffCaseReaders: readonly Role[] = ['coordinator'];

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

export type NewCaseInput = {
  orgId: string;
  creator: StaffUser | null;
  persons: NewPerson[];
  recipients: KeyRecipient[];
  now: Date;
  report?: { report: Omit<Report, 'caseId'>; followUpHash: string };
  /** Given when the case's other records must name it before it exists (an import). */
  caseId?: string;
  timeline?: NewCaseRecord['timeline'];
  draftMatter?: NewCaseRecord['draftMatter'];
};

/**
 * A new open case with its persons and blind indexes, ready to be stored sealed to its
 * recipients, with the report that opened it, if any. A case opened by staff is assigned to its
 * creator.
 */
export function newCaseRecord(
  deps: Pick<Ports, 'ids' | 'blindIndex'>,
  input: NewCaseInput,
): NewCaseRecord {
  const { orgId, creator, now } = input;
  const caseId = input.caseId ?? deps.ids.newId();
  const persons: Person[] = input.persons.map((person) => ({
    id: deps.ids.newId(),
    orgId,
    caseId,
    createdAt: now,
    ...person,
  }));
  const matchIndexes = new Map<string, string>();
  for (const person of persons) {
    const matchIndex = personMatchIndex(deps, orgId, person);
    if (matchIndex !== null) matchIndexes.set(person.id, matchIndex);
  }
  return {
    caseFile: {
      id: caseId,
      orgId,
      status: 'open',
      assigneeIds: creator === null ? [] : [creator.id],
      createdBy: creator?.id ?? null,
      createdAt: now,
      updatedAt: now,
      mergedInto: null,
      closedAt: null,
    },
    persons,
    recipients: input.recipients,
    matchIndexes,
    ...(input.timeline === undefined ? {} : { timeline: input.timeline }),
    ...(input.draftMatter === undefined ? {} : { draftMatter: input.draftMatter }),
    ...(input.report === undefined
      ? {}
      : {
          report: {
            report: { ...input.report.report, caseId },
            followUpHash: input.report.followUpHash,
          },
        }),
  };
}

/** Stores a new open case (see `newCaseRecord`), sealed to its recipients. */
export async function storeNewCase(
  repositories: Repositories,
  deps: Pick<Ports, 'ids' | 'blindIndex'>,
  input: NewCaseInput,
): Promise<{ caseId: string }> {
  const record = newCaseRecord(deps, input);
  await repositories.caseFiles.create(record);
  return { caseId: record.caseFile.id };
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
    const recipients = await caseRecipients(repositories, actor.orgId, {
      creatorId: user.id,
      roles: staffCaseReaders,
    });
    const { caseId: created } = await storeNewCase(repositories, deps, {
      orgId: actor.orgId,
      creator: user,
      persons: [input.person],
      recipients,
      now,
    });
    await recordAudit(repositories, deps, now, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: 'case.created',
      subjectType: 'case',
      subjectId: created,
      details: { sealedTo: recipients.length },
    });
    return created;
  });
  return { caseId };
}
