import { can } from '../../domain/access/can.ts';
import { personMatchKey } from '../../domain/persons/person-name-key.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { authorise } from '../accounts/staff-actor.ts';
import type { Ports } from '../ports/ports.ts';
import { personMatchIndex } from './create-case-file.ts';
import { recordCaseRead } from './read-case-file.ts';

/**
 * "Is this person already a client?" The blind index narrows to a bucket of candidates; each
 * candidate the actor may open is opened and confirmed by comparing match keys, and only
 * confirmed cases are returned. Every case opened to check is audited as a read.
 */
export async function findMatchingCases(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'blindIndex'>,
  current: AuthenticatedSession,
  input: { fullName: string; birthDate: string },
): Promise<{ caseIds: string[]; unopened: number }> {
  const { actor, identity } = current;
  authorise(actor, 'case.list', { type: 'organisation', orgId: actor.orgId });
  const wanted = personMatchKey(input);
  const matchIndex = personMatchIndex(deps, actor.orgId, input);
  if (!wanted.ok || matchIndex === null) return { caseIds: [], unopened: 0 };
  const now = deps.clock.now();
  return deps.unitOfWork.run(async (repositories) => {
    const caseIds: string[] = [];
    let unopened = 0;
    for (const caseId of await repositories.caseFiles.findCaseIdsByMatchIndex(
      actor.orgId,
      matchIndex,
    )) {
      const caseFile = await repositories.caseFiles.findFrame(actor.orgId, caseId);
      if (caseFile === null) continue;
      const subject = {
        type: 'case' as const,
        orgId: caseFile.orgId,
        assigneeIds: caseFile.assigneeIds,
      };
      const persons =
        identity !== null && can(actor, 'case.read', subject)
          ? await repositories.caseFiles.openPersons(caseFile, identity)
          : null;
      if (persons === null) {
        unopened += 1;
        continue;
      }
      await recordCaseRead(repositories, deps, now, actor, caseId, { purpose: 'duplicate-check' });
      const confirmed = persons.some((person) => {
        if (person.birthDate === null) return false;
        const key = personMatchKey({ fullName: person.fullName, birthDate: person.birthDate });
        return key.ok && key.key === wanted.key;
      });
      if (confirmed) caseIds.push(caseId);
    }
    return { caseIds, unopened };
  });
}
