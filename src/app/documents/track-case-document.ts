import {
  answerDueOf,
  answerFacts,
  type CaseDocument,
  type DocumentStage,
  stageOf,
  type TrackingProblem,
  type TrackingStep,
  trackDocument,
} from '../../domain/documents/case-document.ts';
import { evaluate } from '../../domain/rules/evaluate.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadCaseFrame } from '../cases/read-case-file.ts';
import type { Ports } from '../ports/ports.ts';
import { conscriptionPackId } from '../rules/evaluate-legal-position.ts';
import { documentDay } from './case-for-document.ts';

/**
 * Records that a document was sent, registered, had its period extended or was answered. The
 * answer's due date is recomputed by the rules (59-FZ art. 12: 30 days from registration, 30
 * more with notice) each time; a claim to a court has none. Problems come back as values.
 */
export async function trackCaseDocument(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'rulePacks'>,
  current: AuthenticatedSession,
  input: { caseId: string; documentId: string; step: TrackingStep },
): Promise<
  | { ok: true; document: CaseDocument; stage: DocumentStage }
  | { ok: false; problems: TrackingProblem[] }
> {
  const now = deps.clock.now();
  const today = documentDay(now);
  return deps.unitOfWork.run(async (repositories) => {
    const caseFile = await loadCaseFrame(repositories, current, input.caseId, 'case.update');
    const found = await repositories.caseDocuments.find(caseFile, input.documentId);
    if (found === null) throw new AppError('NOT_FOUND', 'no such document');
    const tracked = trackDocument(found, input.step, today, now);
    if (!tracked.ok) return tracked;
    const facts = answerFacts(tracked.document);
    let answerDue = null;
    if (facts !== null) {
      const pack = deps.rulePacks.current(conscriptionPackId);
      const evaluated = evaluate(pack, facts, today, {});
      if (evaluated.ok) answerDue = answerDueOf(evaluated.evaluation.findings);
    }
    const document = { ...tracked.document, answerDue };
    await repositories.caseDocuments.updateTracking(document);
    await recordAudit(repositories, deps, now, {
      orgId: current.actor.orgId,
      actorUserId: current.actor.userId,
      action: 'case.document-tracked',
      subjectType: 'case',
      subjectId: caseFile.id,
      details: { documentId: document.id, step: input.step.step, status: document.status },
    });
    return { ok: true, document, stage: stageOf(document, today) };
  });
}
