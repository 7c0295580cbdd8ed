import { clampBlurBoxes } from '../../domain/evidence/evidence-checks.ts';
import type {
  BlurBox,
  EvidenceItem,
  PublicationReview,
} from '../../domain/evidence/evidence-item.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import { withEvidence } from './read-evidence.ts';

function reviewOf(item: EvidenceItem): PublicationReview {
  if (item.review === null)
    throw new AppError('EVIDENCE_NOT_REVIEWED', 'only pictures are reviewed', 'not-reviewable');
  return item.review;
}

/**
 * The copy for publication, rendered from the sealed original. A picture: upright, without
 * metadata, with the review's boxes hidden; a preview is for whoever reviews it, the copy itself
 * is refused until a staff member has marked it publishable. An MP4 video: its container
 * metadata blanked, faces not hidden, no review. Scans and WebM videos have none.
 */
export async function readPublicationCopy(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'publicationImages' | 'publicationVideos'>,
  current: AuthenticatedSession,
  target: { caseId: string; evidenceId: string; preview: boolean },
): Promise<{ item: EvidenceItem; bytes: Uint8Array; mediaType: string }> {
  const original = await withEvidence(
    deps,
    current,
    target,
    {
      action: target.preview ? 'case.update' : 'case.read',
      purpose: target.preview ? 'evidence-publication-preview' : 'evidence-publication-copy',
    },
    async ({ repositories, caseFile, identity, item }) => {
      if (item.kind === 'pdf')
        throw new AppError('EVIDENCE_NOT_REVIEWED', 'scans are not published', 'not-a-picture');
      if (item.kind === 'image') {
        const review = reviewOf(item);
        if (!target.preview && review.status !== 'publishable')
          throw new AppError('EVIDENCE_NOT_REVIEWED', 'copy not reviewed', 'not-reviewed');
      }
      const bytes = await repositories.evidence.openOriginal(caseFile, identity, item.id);
      if (bytes === null) throw new AppError('NOT_FOUND', 'no such evidence on the case');
      return { item, bytes };
    },
  );
  const { item, bytes } = original;
  if (item.kind === 'video') {
    const stripped = deps.publicationVideos.strip(bytes, item.mediaType);
    if (stripped === null)
      throw new AppError('EVIDENCE_NOT_REVIEWED', 'video metadata kept', 'video-metadata-kept');
    return { item, bytes: stripped, mediaType: item.mediaType };
  }
  // Rendered after the transaction: the database is not held while pixels are pushed.
  return {
    item,
    bytes: await deps.publicationImages.render(bytes, reviewOf(item).boxes),
    mediaType: 'image/jpeg',
  };
}

/**
 * A staff member's review of a picture's copy for publication: the boxes to hide (the
 * detector's, kept, removed or added to by hand) and whether it is now publishable. Any change
 * of boxes without `publishable` leaves it pending.
 */
export async function reviewPublicationCopy(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids'>,
  current: AuthenticatedSession,
  input: { caseId: string; evidenceId: string; boxes: BlurBox[]; publishable: boolean },
): Promise<EvidenceItem> {
  const now = deps.clock.now();
  return withEvidence(
    deps,
    current,
    input,
    { action: 'case.update', purpose: 'evidence-review' },
    async ({ repositories, caseFile, identity, item }) => {
      const earlier = reviewOf(item);
      const boxes = clampBlurBoxes(input.boxes);
      if (boxes === null)
        throw new AppError('EVIDENCE_REFUSED', 'boxes out of bounds', 'BOXES_INVALID');
      const review: PublicationReview = {
        status: input.publishable ? 'publishable' : 'pending',
        detector: earlier.detector,
        boxes,
        reviewedBy: current.actor.userId,
        reviewedAt: now,
      };
      await repositories.evidence.saveReview(caseFile, identity, item.id, review);
      await recordAudit(repositories, deps, now, {
        orgId: caseFile.orgId,
        actorUserId: current.actor.userId,
        action: 'case.evidence-reviewed',
        subjectType: 'case',
        subjectId: caseFile.id,
        details: { evidenceId: item.id, boxes: boxes.length, publishable: input.publishable },
      });
      return { ...item, review };
    },
  );
}
