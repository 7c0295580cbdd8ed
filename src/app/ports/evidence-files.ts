import type { EvidenceInspection } from '../../domain/evidence/evidence-checks.ts';
import type { BlurBox, EvidenceMediaType } from '../../domain/evidence/evidence-item.ts';

/** Reads what an upload really is, from its content alone. */
export interface EvidenceInspector {
  /** The type the content's signature shows; null when it shows none known. */
  sniff(bytes: Uint8Array): Promise<string | null>;
  /** Reads the whole file as its type, within the pixel limit: truncated, flooded or broken. */
  inspect(bytes: Uint8Array, mediaType: EvidenceMediaType): Promise<EvidenceInspection>;
}

/** Pictures for publication: upright, without metadata, with the boxes hidden beyond recognition. */
export interface PublicationImages {
  render(original: Uint8Array, boxes: readonly BlurBox[]): Promise<Uint8Array>;
}

/** Videos for publication: container metadata blanked; faces are not hidden. */
export interface PublicationVideos {
  /** Null when this format's metadata cannot be removed here, or the file cannot be walked. */
  strip(original: Uint8Array, mediaType: EvidenceMediaType): Uint8Array | null;
}

/**
 * Finds where faces are in a picture, only to hide them: no face is described, kept, compared
 * or recognised. Boxes are fractions of the upright picture.
 */
export interface FaceDetector {
  detect(original: Uint8Array): Promise<Omit<BlurBox, 'origin'>[]>;
}

/** The chain-of-custody sheet of one item, as lines already worded in Russian. */
export type CustodySheet = {
  title: string;
  /** Label and value, in order. */
  lines: readonly (readonly [string, string])[];
  footer: string;
};

export interface CustodySheets {
  /** A one-page PDF with the font embedded, so it prints the same anywhere. */
  render(sheet: CustodySheet): Promise<Uint8Array>;
}
