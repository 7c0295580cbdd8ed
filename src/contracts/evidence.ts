import { z } from 'zod';
import {
  evidenceKinds,
  evidenceMediaTypes,
  evidenceSizeCaps,
  maxEvidenceBytes,
} from '../domain/evidence/evidence-item.ts';

export { maxEvidenceBytes };

export const evidenceParams = z.strictObject({ caseId: z.uuid(), evidenceId: z.uuid() });

const megabytes = (bytes: number) => bytes / 1024 / 1024;

export const evidenceUploadBody = z.any().meta({
  description: `multipart/form-data: \`file\` (the photo, video or scan; pictures and scans up to ${megabytes(evidenceSizeCaps.image)} MB, videos up to ${megabytes(evidenceSizeCaps.video)} MB) and optionally \`timelineEventId\` before it. The type is read from the content; SVG, archives and everything else are refused.`,
});

const fraction = z.number().min(-1).max(2);

export const blurBox = z
  .strictObject({
    x: fraction,
    y: fraction,
    width: z.number().min(0).max(2),
    height: z.number().min(0).max(2),
    origin: z.enum(['detected', 'drawn']),
  })
  .meta({
    id: 'BlurBox',
    description: 'A region to hide, in fractions of the upright picture (0 to 1)',
  });

export const publicationReviewChange = z
  .strictObject({
    boxes: z.array(blurBox).max(200),
    publishable: z
      .boolean()
      .meta({ description: 'true: the reviewer checked every box and the copy may be published' }),
  })
  .meta({ id: 'PublicationReviewChange' });
export type PublicationReviewChange = z.input<typeof publicationReviewChange>;

export const publicationCopyQuery = z.strictObject({
  preview: z
    .enum(['true', 'false'])
    .default('false')
    .meta({ description: 'true: the current boxes, for the reviewer, before it is publishable' }),
  revision: z
    .string()
    .max(20)
    .optional()
    .meta({ description: 'Ignored: a new value makes the browser fetch the preview again' }),
});

const publicationReview = z.object({
  status: z.enum(['pending', 'publishable']),
  detector: z
    .enum(['found', 'failed'])
    .meta({ description: 'failed: no face was looked for; a person must draw every box' }),
  boxes: z.array(blurBox),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
});

export const evidenceItemResponse = z
  .object({
    id: z.string(),
    caseId: z.string(),
    kind: z.enum(evidenceKinds),
    mediaType: z.enum(Object.keys(evidenceMediaTypes) as [string, ...string[]]),
    byteSize: z.number().int(),
    sha256: z.string().meta({ description: 'Of the original bytes, lower-case hex' }),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    timelineEventId: z.string().nullable(),
    fileName: z.string(),
    review: publicationReview.nullable().meta({ description: 'Pictures only' }),
    addedBy: z.string(),
    addedAt: z.iso.datetime(),
  })
  .meta({ id: 'EvidenceItem' });
export type EvidenceItemResponse = z.infer<typeof evidenceItemResponse>;

export const evidenceListResponse = z
  .object({ items: z.array(evidenceItemResponse) })
  .meta({ id: 'EvidenceList' });
export type EvidenceListResponse = z.infer<typeof evidenceListResponse>;

export const fileResponse = z.any().meta({ description: 'The file itself' });
