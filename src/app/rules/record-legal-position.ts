import type { CaseFacts } from '../../domain/rules/case-facts.ts';
import type { LegalDecision } from '../../domain/rules/legal-decision.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadCaseFrame, recordCaseRead } from '../cases/read-case-file.ts';
import type { Ports } from '../ports/ports.ts';
import {
  conscriptionPackId,
  evaluateLegalPosition,
  type LegalPosition,
} from './evaluate-legal-position.ts';

/**
 * Evaluates the rules for a case and records the result on it: pack version and hash, date,
 * choices, and the facts (sealed with the case's key), so the position can be replayed later.
 */
export async function recordLegalPosition(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'rulePacks'>,
  current: AuthenticatedSession,
  input: { caseId: string; facts: CaseFacts; asOf?: string; choices?: Record<string, string> },
): Promise<LegalPosition & { decisionId?: string }> {
  const position = await evaluateLegalPosition(deps, current, input);
  if (!position.ok) return position;
  const { actor, identity } = current;
  const now = deps.clock.now();
  const decisionId = deps.ids.newId();
  await deps.unitOfWork.run(async (repositories) => {
    const caseFile = await loadCaseFrame(repositories, current, input.caseId, 'case.update');
    const decision: LegalDecision = {
      ...position.evaluation.record,
      id: decisionId,
      orgId: actor.orgId,
      caseId: caseFile.id,
      createdBy: actor.userId,
      createdAt: now,
    };
    const stored =
      identity !== null && (await repositories.caseFiles.addDecision(caseFile, identity, decision));
    if (!stored) throw new AppError('KEY_UNAVAILABLE', 'recorder holds no key to the case');
    await recordAudit(repositories, deps, now, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: 'case.legal-position-recorded',
      subjectType: 'case',
      subjectId: caseFile.id,
      details: { packVersion: decision.packVersion, findings: position.evaluation.findings.length },
    });
  });
  return { ...position, decisionId };
}

export type RecordedLegalPosition = LegalDecision & {
  /** False when the rule pack changed since: replaying may then give other findings. */
  samePack: boolean;
};

/** The legal positions recorded on a case, opened with the reader's key (an audited read). */
export async function listLegalPositions(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'rulePacks'>,
  current: AuthenticatedSession,
  caseId: string,
): Promise<RecordedLegalPosition[]> {
  const { actor, identity } = current;
  const now = deps.clock.now();
  const packHash = deps.rulePacks.current(conscriptionPackId).packHash;
  return deps.unitOfWork.run(async (repositories) => {
    const caseFile = await loadCaseFrame(repositories, current, caseId, 'case.read');
    const decisions =
      identity === null ? null : await repositories.caseFiles.listDecisions(caseFile, identity);
    if (decisions === null)
      throw new AppError('KEY_UNAVAILABLE', 'reader holds no key to the case');
    await recordCaseRead(repositories, deps, now, actor, caseId, { purpose: 'legal-positions' });
    return decisions.map((decision) => ({ ...decision, samePack: decision.packHash === packHash }));
  });
}
