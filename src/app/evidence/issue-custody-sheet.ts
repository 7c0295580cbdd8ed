import { custodySheetLines } from '../../domain/evidence/custody-sheet.ts';
import type { EvidenceItem } from '../../domain/evidence/evidence-item.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import type { Ports } from '../ports/ports.ts';
import { withEvidence } from './read-evidence.ts';

/**
 * The chain-of-custody sheet of an item as a PDF: the original's SHA-256, size and type, who
 * added it when, and the timeline event it documents. Issuing it is an audited read.
 */
export async function issueCustodySheet(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'custodySheets'>,
  current: AuthenticatedSession,
  target: { caseId: string; evidenceId: string },
): Promise<{ item: EvidenceItem; pdf: Uint8Array }> {
  const now = deps.clock.now();
  const { orgId, userId } = current.actor;
  const facts = await withEvidence(
    deps,
    current,
    target,
    { action: 'case.read', purpose: 'evidence-custody-sheet' },
    async ({ repositories, caseFile, item }) => {
      const nameOf = async (id: string | null) =>
        id === null
          ? null
          : ((await repositories.staffUsers.findById(orgId, id))?.displayName ?? id);
      const frames = await repositories.caseTimelines.listEventFrames(caseFile);
      const frame = frames.find((event) => event.id === item.timelineEventId) ?? null;
      const place =
        frame?.placeId == null ? null : await repositories.places.findById(orgId, frame.placeId);
      const sheet = custodySheetLines({
        caseId: caseFile.id,
        item,
        addedByName: (await nameOf(item.addedBy)) ?? '',
        event:
          frame === null
            ? null
            : { kind: frame.kind, occurredAt: frame.occurredAt, placeName: place?.nameRu ?? null },
        reviewedByName: await nameOf(item.review?.reviewedBy ?? null),
        issuedByName: (await nameOf(userId)) ?? '',
        issuedAt: now,
      });
      return { item, sheet };
    },
  );
  // Rendered after the transaction: the database is not held while the PDF is laid out.
  return { item: facts.item, pdf: await deps.custodySheets.render(facts.sheet) };
}
