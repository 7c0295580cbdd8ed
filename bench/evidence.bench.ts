/**
 * What hiding faces costs per 12-megapixel photo: face detection (Human, BlazeFace on the
 * WebAssembly backend) and the copy for publication with the found faces hidden, against the
 * same copy made with no boxes (orientation and metadata only) from the same decoded photo.
 * Prints milliseconds per photo and the ratio, measured in one run. `npm run bench:evidence`.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { humanFaceDetector } from '../src/adapters/evidence/human-face-detector.ts';
import { sharpPublicationImages } from '../src/adapters/evidence/sharp-publication-images.ts';
import type { BlurBox } from '../src/domain/evidence/evidence-item.ts';
import { facesPhotoPath } from '../test/support/evidence-files.ts';

const rounds = 5;

/** The faces photo stretched to 4000 × 3000 and saved as a phone would, with a little noise. */
async function twelveMegapixelPhoto(): Promise<Uint8Array> {
  const photo = await sharp(facesPhotoPath)
    .resize(4000, 3000, { fit: 'fill', kernel: 'cubic' })
    .sharpen()
    .jpeg({ quality: 90 })
    .toBuffer();
  return new Uint8Array(photo);
}

const detector = humanFaceDetector();
const images = sharpPublicationImages();
const photo = await twelveMegapixelPhoto();

const loadStart = performance.now();
const warm = await detector.detect(photo);
const firstMs = performance.now() - loadStart;
const boxes: BlurBox[] = warm.map((face) => ({ ...face, origin: 'detected' }));
await images.render(photo, boxes);

let detectMs = 0;
let hideMs = 0;
let plainMs = 0;
for (let round = 0; round < rounds; round++) {
  // Interleaved, so that drift in the machine's load hits every step alike.
  let start = performance.now();
  await detector.detect(photo);
  detectMs += performance.now() - start;
  start = performance.now();
  await images.render(photo, boxes);
  hideMs += performance.now() - start;
  start = performance.now();
  await images.render(photo, []);
  plainMs += performance.now() - start;
}
detectMs /= rounds;
hideMs /= rounds;
plainMs /= rounds;

process.stdout.write(
  [
    `evidence: ${(detectMs + hideMs).toFixed(0)} ms per 12-megapixel photo to find and hide faces (${((detectMs + hideMs) / plainMs).toFixed(2)}× making the copy without hiding anything)`,
    `  face detection ${detectMs.toFixed(0)} ms, copy with ${boxes.length} faces hidden ${hideMs.toFixed(0)} ms, copy with nothing hidden ${plainMs.toFixed(0)} ms`,
    `  first photo, loading the model included: ${firstMs.toFixed(0)} ms; ${rounds} rounds; load average ${loadavg()[0]?.toFixed(2)} on this machine`,
    '',
  ].join('\n'),
);
