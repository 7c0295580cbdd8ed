import {
  checkEvidenceContent,
  checkEvidenceType,
  type EvidenceRefusal,
  evidenceRefusal,
  safeEvidenceFileName,
} from '../../domain/evidence/evidence-checks.ts';
import type { EvidenceItem, PublicationReview } from '../../domain/evidence/evidence-item.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadCaseFrame } from '../cases/read-case-file.ts';
import type { Ports } from '../ports/ports.ts';

export type AddEvidenceInput = {
  caseId: string;
  /** As the sender named it; only shown, never used to decide anything. */
  fileName: string;
  bytes: Uint8Array;
  timelineEventId: string | null;
};

/** An upload refused before anything was stored; the reason is the domain's. */
export class EvidenceRefusedError extends AppError {
  readonly refusal: EvidenceRefusal;

  constructor(refusal: EvidenceRefusal) {
    const code =
      refusal.reason === 'TOO_LARGE'
        ? 'EVIDENCE_TOO_LARGE'
        : refusal.reason === 'SVG' || refusal.reason === 'UNSUPPORTED_TYPE'
          ? 'EVIDENCE_TYPE_REFUSED'
          : 'EVIDENCE_REFUSED';
    super(code, `evidence refused: ${refusal.reason}`, refusal.reason);
    this.refusal = refusal;
  }
}

/** Faces found to hide; a detector that fails leaves nothing found, and the review must say so. */
async function firstReview(
  deps: Pick<Ports, 'faceDetector'>,
  bytes: Uint8Array,
): Promise<PublicationReview> {
  try {
    const faces = await deps.faceDetector.detect(bytes);
    return {
      status: 'pending',
      detector: 'found',
      boxes: faces.map((face) => ({ ...face, origin: 'detected' })),
      reviewedBy: null,
      reviewedAt: null,
    };
  } catch {
    return { status: 'pending', detector: 'failed', boxes: [], reviewedBy: null, reviewedAt: null };
  }
}

/**
 * Adds a photo, video or scan to an open case: checked by its content (type, size, whole, not a
 * pixel flood), its SHA-256 taken, the original sealed unchanged with the case's key, faces in a
 * picture found for the copy for publication (which stays unpublishable until reviewed), and
 * the addition audited. A refused file leaves nothing behind.
 */
export async function addEvidence(
  deps: Pick<
    Ports,
    'unitOfWork' | 'clock' | 'ids' | 'hashing' | 'evidenceInspector' | 'faceDetector'
  >,
  current: AuthenticatedSession,
  input: AddEvidenceInput,
): Promise<EvidenceItem> {
  const { actor, identity } = current;
  // Who may add is settled before the file is read: a stranger's upload costs no decoding.
  await deps.unitOfWork.run((repositories) =>
    loadCaseFrame(repositories, current, input.caseId, 'case.update'),
  );
  const type = checkEvidenceType(
    await deps.evidenceInspector.sniff(input.bytes),
    input.bytes.length,
  );
  if (!type.ok) throw new EvidenceRefusedError(type.refusal);
  const content = checkEvidenceContent(
    await deps.evidenceInspector.inspect(input.bytes, type.mediaType),
  );
  if (!content.ok) throw new EvidenceRefusedError(content.refusal);
  const sha256 = deps.hashing.sha256HexOfBytes(input.bytes);
  const review = type.kind === 'image' ? await firstReview(deps, input.bytes) : null;
  const now = deps.clock.now();
  return deps.unitOfWork.run(async (repositories) => {
    const caseFile = await loadCaseFrame(repositories, current, input.caseId, 'case.update');
    if (caseFile.status !== 'open') throw new AppError('CASE_NOT_OPEN', 'case is not open');
    if (input.timelineEventId !== null) {
      const events = await repositories.caseTimelines.listEventFrames(caseFile);
      if (!events.some((event) => event.id === input.timelineEventId))
        throw new EvidenceRefusedError(evidenceRefusal('TIMELINE_EVENT_NOT_FOUND'));
    }
    const item: EvidenceItem = {
      id: deps.ids.newId(),
      orgId: caseFile.orgId,
      caseId: caseFile.id,
      kind: type.kind,
      mediaType: type.mediaType,
      byteSize: input.bytes.length,
      sha256,
      width: content.width,
      height: content.height,
      timelineEventId: input.timelineEventId,
      fileName: safeEvidenceFileName(input.fileName, type.mediaType),
      review,
      addedBy: actor.userId,
      addedAt: now,
    };
    const stored =
      identity !== null && (await repositories.evidence.add(caseFile, identity, item, input.bytes));
    if (!stored) throw new AppError('KEY_UNAVAILABLE', 'author holds no key to the case');
    await recordAudit(repositories, deps, now, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: 'case.evidence-added',
      subjectType: 'case',
      subjectId: caseFile.id,
      details: {
        evidenceId: item.id,
        kind: item.kind,
        byteSize: item.byteSize,
        facesFound: review?.boxes.length ?? null,
        detectorFailed: review?.detector === 'failed',
      },
    });
    return item;
  });
}
