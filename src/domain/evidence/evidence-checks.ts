import {
  type BlurBox,
  type EvidenceKind,
  type EvidenceMediaType,
  evidenceMediaTypes,
  evidenceSizeCaps,
  isEvidenceMediaType,
  maxImagePixels,
} from './evidence-item.ts';

/** What the content of an upload turned out to be, as an inspector reads it. */
export type EvidenceInspection =
  | { outcome: 'readable'; width: number | null; height: number | null }
  | { outcome: 'truncated' }
  | { outcome: 'pixel-flood' }
  | { outcome: 'unreadable' };

export type EvidenceRefusalReason =
  | 'EMPTY'
  | 'SVG'
  | 'UNSUPPORTED_TYPE'
  | 'TOO_LARGE'
  | 'TRUNCATED'
  | 'PIXEL_FLOOD'
  | 'UNREADABLE'
  | 'TIMELINE_EVENT_NOT_FOUND';

/** Why an upload was refused, in both languages of the staff app; nothing of it was stored. */
export type EvidenceRefusal = {
  reason: EvidenceRefusalReason;
  message: { ru: string; en: string };
};

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

const messages: Record<EvidenceRefusalReason, { ru: string; en: string }> = {
  EMPTY: { ru: 'Файл пуст.', en: 'The file is empty.' },
  SVG: {
    ru: 'SVG не принимается: такой файл может содержать программу. Пришлите JPEG, PNG или PDF.',
    en: 'SVG is not accepted: such a file can carry a script. Send a JPEG, PNG or PDF.',
  },
  UNSUPPORTED_TYPE: {
    ru: 'Такой файл не принимается. Подходят фото (JPEG, PNG, WebP, HEIC), видео (MP4, WebM) и сканы в PDF.',
    en: 'This kind of file is not accepted. Photos (JPEG, PNG, WebP, HEIC), videos (MP4, WebM) and PDF scans are.',
  },
  TOO_LARGE: {
    ru: `Файл слишком большой: фото и сканы — до ${megabytes(evidenceSizeCaps.image)} МБ, видео — до ${megabytes(evidenceSizeCaps.video)} МБ.`,
    en: `The file is too large: photos and scans up to ${megabytes(evidenceSizeCaps.image)} MB, videos up to ${megabytes(evidenceSizeCaps.video)} MB.`,
  },
  TRUNCATED: {
    ru: 'Файл обрезан (загрузился не полностью). Отправьте его ещё раз.',
    en: 'The file is cut short (it did not arrive whole). Send it again.',
  },
  PIXEL_FLOOD: {
    ru: 'Изображение слишком большое по размеру в пикселях (больше 60 мегапикселей).',
    en: 'The picture has too many pixels (over 60 megapixels).',
  },
  UNREADABLE: {
    ru: 'Файл повреждён или не читается. Пришлите его в JPEG или PNG.',
    en: 'The file is damaged or cannot be read. Send it as a JPEG or PNG.',
  },
  TIMELINE_EVENT_NOT_FOUND: {
    ru: 'Такого события нет в хронологии этого дела.',
    en: 'This case’s timeline has no such event.',
  },
};

export function evidenceRefusal(reason: EvidenceRefusalReason): EvidenceRefusal {
  return { reason, message: messages[reason] };
}

export type EvidenceTypeDecision =
  | { ok: true; kind: EvidenceKind; mediaType: EvidenceMediaType }
  | { ok: false; refusal: EvidenceRefusal };

/**
 * Decides from the type the content shows (null: no known signature) and the size whether an
 * upload may be looked at further. The sender's name and declared type play no part.
 */
export function checkEvidenceType(sniffed: string | null, byteSize: number): EvidenceTypeDecision {
  if (byteSize === 0) return { ok: false, refusal: evidenceRefusal('EMPTY') };
  if (sniffed === 'image/svg+xml') return { ok: false, refusal: evidenceRefusal('SVG') };
  if (sniffed === null || !isEvidenceMediaType(sniffed))
    return { ok: false, refusal: evidenceRefusal('UNSUPPORTED_TYPE') };
  const kind = evidenceMediaTypes[sniffed];
  if (byteSize > evidenceSizeCaps[kind])
    return { ok: false, refusal: evidenceRefusal('TOO_LARGE') };
  return { ok: true, kind, mediaType: sniffed };
}

/** The inspector's reading of the whole content, as a refusal or the picture's dimensions. */
export function checkEvidenceContent(
  inspection: EvidenceInspection,
):
  | { ok: true; width: number | null; height: number | null }
  | { ok: false; refusal: EvidenceRefusal } {
  switch (inspection.outcome) {
    case 'readable':
      if (
        inspection.width !== null &&
        inspection.height !== null &&
        inspection.width * inspection.height > maxImagePixels
      )
        return { ok: false, refusal: evidenceRefusal('PIXEL_FLOOD') };
      return { ok: true, width: inspection.width, height: inspection.height };
    case 'truncated':
      return { ok: false, refusal: evidenceRefusal('TRUNCATED') };
    case 'pixel-flood':
      return { ok: false, refusal: evidenceRefusal('PIXEL_FLOOD') };
    case 'unreadable':
      return { ok: false, refusal: evidenceRefusal('UNREADABLE') };
  }
}

const extensions: Record<EvidenceMediaType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heif',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'application/pdf': 'pdf',
};

export const fileNameMaxLength = 120;

/**
 * The sender's file name made harmless to show and to offer back as a download name: the last
 * path segment only (`../../etc/passwd` → `passwd`), no control or reserved characters, no
 * leading dots, and the extension of the type the content really is.
 */
export function safeEvidenceFileName(name: string, mediaType: EvidenceMediaType): string {
  const lastSegment = name.split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim();
  const stem = cleaned.replace(/\.[^.]*$/, '').replace(/[.\s]+$/, '');
  const extension = extensions[mediaType];
  const shortStem = [...(stem === '' ? 'evidence' : stem)]
    .slice(0, fileNameMaxLength - extension.length - 1)
    .join('');
  return `${shortStem}.${extension}`;
}

export const maxBlurBoxes = 200;
/** A box smaller than this (a fraction of the side) hides nothing a person could recognise. */
const minBoxSide = 0.005;

/**
 * A reviewer's boxes, kept within the picture; false for any box that is empty, not a number
 * or wholly outside it.
 */
export function clampBlurBoxes(boxes: readonly BlurBox[]): BlurBox[] | null {
  if (boxes.length > maxBlurBoxes) return null;
  const clamped: BlurBox[] = [];
  for (const box of boxes) {
    const values = [box.x, box.y, box.width, box.height];
    if (values.some((value) => !Number.isFinite(value))) return null;
    const left = Math.max(0, box.x);
    const top = Math.max(0, box.y);
    const right = Math.min(1, box.x + box.width);
    const bottom = Math.min(1, box.y + box.height);
    if (right - left < minBoxSide || bottom - top < minBoxSide) return null;
    clamped.push({
      x: left,
      y: top,
      width: right - left,
      height: bottom - top,
      origin: box.origin,
    });
  }
  return clamped;
}
