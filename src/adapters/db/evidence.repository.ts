import type { Kysely, Selectable } from 'kysely';
import type { FileSealing, RecordSealing } from '../../app/ports/key-crypto.ts';
import type { EvidenceRepository } from '../../app/ports/repositories.ts';
import type {
  EvidenceItem,
  EvidenceKind,
  EvidenceMediaType,
  PublicationReview,
} from '../../domain/evidence/evidence-item.ts';
import { openCaseDataKey, recordSealer } from './case-keys.ts';
import { fromIso, fromIsoOrNull, toIso, toIsoOrNull } from './columns.ts';
import type { Database, EvidenceItemsTable } from './database.ts';

type StoredReview = Omit<PublicationReview, 'reviewedAt'> & { reviewedAt: string | null };

function reviewText(review: PublicationReview): string {
  const stored: StoredReview = { ...review, reviewedAt: toIsoOrNull(review.reviewedAt) };
  return JSON.stringify(stored);
}

function reviewOf(text: string | null): PublicationReview | null {
  if (text === null) return null;
  const stored = JSON.parse(text) as StoredReview;
  return { ...stored, reviewedAt: fromIsoOrNull(stored.reviewedAt) };
}

/** The original's chunks are sealed in the context of the item's `original`, never moved. */
function originalContext(evidenceId: string) {
  return { table: 'evidence_items', recordId: evidenceId, field: 'original' };
}

export function evidenceRepository(
  db: Kysely<Database>,
  sealing: RecordSealing,
  fileSealing: FileSealing,
): EvidenceRepository {
  function caseRows(caseFile: { orgId: string; id: string }) {
    return db
      .selectFrom('evidence_items')
      .selectAll()
      .where('org_id', '=', caseFile.orgId)
      .where('case_id', '=', caseFile.id);
  }

  function opened(
    row: Selectable<EvidenceItemsTable>,
    sealer: ReturnType<typeof recordSealer<'evidence_items'>>,
  ): EvidenceItem {
    return {
      id: row.id,
      orgId: row.org_id,
      caseId: row.case_id,
      kind: row.kind as EvidenceKind,
      mediaType: row.media_type as EvidenceMediaType,
      byteSize: Number(row.byte_size),
      sha256: sealer.open('sha256', row.sha256) ?? '',
      width: row.width === null ? null : Number(row.width),
      height: row.height === null ? null : Number(row.height),
      timelineEventId: row.timeline_event_id,
      fileName: sealer.open('file_name', row.file_name) ?? '',
      review: reviewOf(sealer.open('review', row.review)),
      addedBy: row.added_by,
      addedAt: fromIso(row.added_at),
    };
  }

  return {
    async add(caseFile, opener, item, original) {
      const key = await openCaseDataKey(db, sealing, caseFile, opener);
      if (key === null) return false;
      const sealer = recordSealer(sealing, key, 'evidence_items', item.id);
      const { fileKey, chunks } = fileSealing.seal(originalContext(item.id), original);
      await db
        .insertInto('evidence_items')
        .values({
          id: item.id,
          org_id: caseFile.orgId,
          case_id: caseFile.id,
          kind: item.kind,
          media_type: item.mediaType,
          byte_size: item.byteSize,
          sha256: sealer.seal('sha256', item.sha256) ?? '',
          width: item.width,
          height: item.height,
          timeline_event_id: item.timelineEventId,
          file_name: sealer.seal('file_name', item.fileName) ?? '',
          file_key: sealer.seal('file_key', fileKey) ?? '',
          review: sealer.seal('review', item.review === null ? null : reviewText(item.review)),
          chunk_count: chunks.length,
          added_by: item.addedBy,
          added_at: toIso(item.addedAt),
        })
        .execute();
      // One chunk per statement: a statement of several would hold them all twice in memory.
      for (const [seq, chunk] of chunks.entries()) {
        await db
          .insertInto('evidence_chunks')
          .values({
            org_id: caseFile.orgId,
            evidence_id: item.id,
            seq,
            sealed: Buffer.from(chunk).toString('base64'),
          })
          .execute();
      }
      return true;
    },

    async listOpened(caseFile, opener) {
      const key = await openCaseDataKey(db, sealing, caseFile, opener);
      if (key === null) return null;
      const rows = await caseRows(caseFile).orderBy('added_at').orderBy('id').execute();
      return rows.map((row) => opened(row, recordSealer(sealing, key, 'evidence_items', row.id)));
    },

    async findOpened(caseFile, opener, evidenceId) {
      const key = await openCaseDataKey(db, sealing, caseFile, opener);
      if (key === null) return 'no-key';
      const row = await caseRows(caseFile).where('id', '=', evidenceId).executeTakeFirst();
      return row === undefined
        ? null
        : opened(row, recordSealer(sealing, key, 'evidence_items', row.id));
    },

    async openOriginal(caseFile, opener, evidenceId) {
      const key = await openCaseDataKey(db, sealing, caseFile, opener);
      if (key === null) return null;
      const row = await caseRows(caseFile).where('id', '=', evidenceId).executeTakeFirst();
      if (row === undefined) return null;
      const fileKey = recordSealer(sealing, key, 'evidence_items', row.id).open(
        'file_key',
        row.file_key,
      );
      const chunks: Uint8Array[] = [];
      // A chunk at a time: never the whole sealed file as one result set.
      for (let seq = 0; seq < Number(row.chunk_count); seq++) {
        const chunk = await db
          .selectFrom('evidence_chunks')
          .select('sealed')
          .where('evidence_id', '=', row.id)
          .where('seq', '=', seq)
          .executeTakeFirst();
        if (chunk === undefined) break;
        chunks.push(new Uint8Array(Buffer.from(chunk.sealed, 'base64')));
      }
      // A missing chunk makes the stream end early, which opening refuses.
      return fileSealing.open(originalContext(row.id), fileKey ?? '', chunks);
    },

    async saveReview(caseFile, opener, evidenceId, review) {
      const key = await openCaseDataKey(db, sealing, caseFile, opener);
      if (key === null) return false;
      const sealer = recordSealer(sealing, key, 'evidence_items', evidenceId);
      await db
        .updateTable('evidence_items')
        .set({ review: sealer.seal('review', reviewText(review)) })
        .where('org_id', '=', caseFile.orgId)
        .where('case_id', '=', caseFile.id)
        .where('id', '=', evidenceId)
        .execute();
      return true;
    },
  };
}
