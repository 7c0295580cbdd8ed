import sharp, { type OverlayOptions } from 'sharp';
import type { PublicationImages } from '../../app/ports/evidence-files.ts';
import type { BlurBox } from '../../domain/evidence/evidence-item.ts';
import { imageInputOptions } from './sharp-evidence-inspector.ts';

/** Each box grows by this share of its size on every side: detectors box a face tightly. */
const margin = 0.2;
/**
 * A hidden region keeps one averaged cell across its shorter side: a face becomes its mean
 * colour. Finer mosaics were tried; a few cells still carry the outline of hair against a
 * background, and averaging is the step that cannot be undone.
 */
const cellsAcross = 1;

type Region = { left: number; top: number; width: number; height: number };

function regionOf(box: BlurBox, width: number, height: number): Region | null {
  const left = Math.max(0, Math.floor((box.x - box.width * margin) * width));
  const top = Math.max(0, Math.floor((box.y - box.height * margin) * height));
  const right = Math.min(width, Math.ceil((box.x + box.width * (1 + margin)) * width));
  const bottom = Math.min(height, Math.ceil((box.y + box.height * (1 + margin)) * height));
  return right - left < 1 || bottom - top < 1
    ? null
    : { left, top, width: right - left, height: bottom - top };
}

function overlap(a: Region, b: Region): boolean {
  return (
    a.left < b.left + b.width &&
    b.left < a.left + a.width &&
    a.top < b.top + b.height &&
    b.top < a.top + a.height
  );
}

/**
 * Overlapping regions become their common bounding rectangle: hidden one by one, the edge where
 * one patch covers another would draw a line through a face.
 */
function merged(regions: readonly Region[]): Region[] {
  const result = [...regions];
  for (let changed = true; changed; ) {
    changed = false;
    outer: for (let i = 0; i < result.length; i++) {
      for (let j = i + 1; j < result.length; j++) {
        const a = result[i] as Region;
        const b = result[j] as Region;
        if (!overlap(a, b)) continue;
        const left = Math.min(a.left, b.left);
        const top = Math.min(a.top, b.top);
        result[i] = {
          left,
          top,
          width: Math.max(a.left + a.width, b.left + b.width) - left,
          height: Math.max(a.top + a.height, b.top + b.height) - top,
        };
        result.splice(j, 1);
        changed = true;
        break outer;
      }
    }
  }
  return result;
}

/**
 * Hides a region beyond recognition: averaged down to a cell or two, which destroys every detail
 * a face is recognised by, then stretched back with a smooth kernel so that no edge outlines it.
 * (A Gaussian blur on top was tried: at the size of a face in a 12-megapixel photo it cost
 * seconds and hid nothing more.)
 */
async function hidden(
  raw: Buffer,
  info: { width: number; height: number; channels: 3 },
  region: Region,
): Promise<Buffer> {
  const shorter = Math.min(region.width, region.height);
  const cell = Math.max(1, Math.ceil(shorter / cellsAcross));
  const small = await sharp(raw, { raw: info })
    .extract(region)
    .resize(
      Math.max(1, Math.round(region.width / cell)),
      Math.max(1, Math.round(region.height / cell)),
      { kernel: 'linear', fit: 'fill' },
    )
    .raw()
    .toBuffer({ resolveWithObject: true });
  return sharp(small.data, { raw: small.info })
    .resize(region.width, region.height, { kernel: 'cubic', fit: 'fill' })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

/**
 * The copy for publication: upright (EXIF orientation applied), rebuilt from pixels so that no
 * metadata survives (EXIF, XMP, GPS, ICC, comments), with every box hidden; JPEG.
 */
export function sharpPublicationImages(): PublicationImages {
  return {
    async render(original, boxes) {
      const { data, info } = await sharp(original, imageInputOptions)
        .rotate()
        .removeAlpha()
        .toColourspace('srgb')
        .raw()
        .toBuffer({ resolveWithObject: true });
      const size = { width: info.width, height: info.height, channels: 3 as const };
      const overlays: OverlayOptions[] = [];
      const regions = boxes.flatMap((box) => regionOf(box, info.width, info.height) ?? []);
      for (const region of merged(regions)) {
        overlays.push({
          input: await hidden(data, size, region),
          left: region.left,
          top: region.top,
        });
      }
      const output = await sharp(data, { raw: size })
        .composite(overlays)
        .jpeg({ quality: 85, mozjpeg: true })
        .toBuffer();
      return new Uint8Array(output);
    },
  };
}
