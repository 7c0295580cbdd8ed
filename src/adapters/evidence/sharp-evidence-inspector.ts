import { fileTypeFromBuffer } from 'file-type';
import sharp, { type SharpOptions } from 'sharp';
import type { EvidenceInspector } from '../../app/ports/evidence-files.ts';
import type { EvidenceInspection } from '../../domain/evidence/evidence-checks.ts';
import { maxImagePixels } from '../../domain/evidence/evidence-item.ts';
import { mp4IsWhole, pdfIsWhole, webmIsWhole } from './container-walk.ts';

/** sharp refuses to decode beyond the limit; a truncated picture is an error, not grey rows. */
export const imageInputOptions = {
  limitInputPixels: maxImagePixels,
  failOn: 'truncated',
} as const satisfies SharpOptions;

function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('utf8').toLowerCase();
  return head.includes('<svg');
}

async function inspectImage(bytes: Uint8Array): Promise<EvidenceInspection> {
  try {
    const metadata = await sharp(bytes, imageInputOptions).metadata();
    const width = metadata.autoOrient?.width ?? metadata.width;
    const height = metadata.autoOrient?.height ?? metadata.height;
    if (width === undefined || height === undefined) return { outcome: 'unreadable' };
    if (width * height > maxImagePixels) return { outcome: 'pixel-flood' };
    // Decoding every pixel is what finds a picture cut short; stats keeps no copy of them.
    await sharp(bytes, imageInputOptions).stats();
    return { outcome: 'readable', width, height };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (message.includes('pixel limit')) return { outcome: 'pixel-flood' };
    if (/premature end|truncated|unexpected end|not enough data/i.test(message))
      return { outcome: 'truncated' };
    return { outcome: 'unreadable' };
  }
}

/** Reads uploads by content with file-type and sharp; videos and scans by their structure. */
export function sharpEvidenceInspector(): EvidenceInspector {
  return {
    async sniff(bytes) {
      const found = await fileTypeFromBuffer(bytes);
      // file-type reads SVG as XML, or not at all; it must be named to be refused as such.
      if ((found === undefined || found.mime === 'application/xml') && looksLikeSvg(bytes))
        return 'image/svg+xml';
      return found?.mime ?? null;
    },

    async inspect(bytes, mediaType) {
      switch (mediaType) {
        case 'video/mp4':
          return mp4IsWhole(bytes)
            ? { outcome: 'readable', width: null, height: null }
            : { outcome: 'truncated' };
        case 'video/webm':
          return webmIsWhole(bytes)
            ? { outcome: 'readable', width: null, height: null }
            : { outcome: 'truncated' };
        case 'application/pdf':
          return pdfIsWhole(bytes)
            ? { outcome: 'readable', width: null, height: null }
            : { outcome: 'truncated' };
        default:
          return inspectImage(bytes);
      }
    },
  };
}
