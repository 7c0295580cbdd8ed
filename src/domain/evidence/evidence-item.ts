import type { DataClasses } from '../sealing/data-class.ts';

export const evidenceKinds = ['image', 'video', 'pdf'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/**
 * The only types kept, by the type the content shows (never the name or the sender's word).
 * SVG is absent on purpose: an SVG is a document that can carry script.
 */
export const evidenceMediaTypes = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'image/heic': 'image',
  'image/heif': 'image',
  'video/mp4': 'video',
  'video/webm': 'video',
  'application/pdf': 'pdf',
} as const satisfies Record<string, EvidenceKind>;
export type EvidenceMediaType = keyof typeof evidenceMediaTypes;

export function isEvidenceMediaType(type: string): type is EvidenceMediaType {
  return Object.hasOwn(evidenceMediaTypes, type);
}

const mebibyte = 1024 * 1024;

/** A phone's photo is a few MB, a scan of a power of attorney less; a minute of phone video ~100 MB. */
export const evidenceSizeCaps: Record<EvidenceKind, number> = {
  image: 25 * mebibyte,
  pdf: 25 * mebibyte,
  video: 200 * mebibyte,
};
export const maxEvidenceBytes = Math.max(...Object.values(evidenceSizeCaps));

/**
 * The largest picture decoded: 60 megapixels covers a 48-megapixel phone camera; beyond it a
 * small file that claims huge dimensions (a pixel flood) would take the server's memory.
 */
export const maxImagePixels = 60_000_000;

/** Where a face is, or a region a reviewer hides: fractions of the upright picture, 0 to 1. */
export type BlurBox = {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Found by the detector, or drawn by the reviewer. */
  origin: 'detected' | 'drawn';
};

/**
 * The copy for publication of a picture: metadata removed, orientation applied and every box
 * hidden. It is publishable only once a staff member has reviewed the boxes; a detector that
 * failed leaves the boxes empty and says so, and still nothing is publishable before review.
 */
export type PublicationReview = {
  status: 'pending' | 'publishable';
  detector: 'found' | 'failed';
  boxes: BlurBox[];
  reviewedBy: string | null;
  reviewedAt: Date | null;
};

/**
 * A photo, video or scan on a case. The original bytes are sealed unchanged, and so is their
 * SHA-256: in clear, it would let whoever holds a copy of a photo posted online find the case that
 * holds it. Kind, size and who added it when stay in clear.
 */
export type EvidenceItem = {
  id: string;
  orgId: string;
  caseId: string;
  kind: EvidenceKind;
  mediaType: EvidenceMediaType;
  byteSize: number;
  /** Of the original bytes, lower-case hex, computed when it arrived. */
  sha256: string;
  /** Of the upright picture; null for videos and scans. */
  width: number | null;
  height: number | null;
  /** The timeline event it documents, when there is one. */
  timelineEventId: string | null;
  /** The sender's file name, made harmless; it may name the person: sealed. */
  fileName: string;
  /** Pictures only. */
  review: PublicationReview | null;
  addedBy: string;
  addedAt: Date;
};

export const evidenceItemDataClasses: DataClasses<EvidenceItem> = {
  id: 'operational',
  orgId: 'operational',
  caseId: 'operational',
  kind: 'operational',
  mediaType: 'operational',
  byteSize: 'operational',
  sha256: 'personal',
  width: 'operational',
  height: 'operational',
  timelineEventId: 'operational',
  fileName: 'personal',
  review: 'personal',
  addedBy: 'operational',
  addedAt: 'operational',
};
