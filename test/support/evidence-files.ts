import { createRequire } from 'node:module';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

const require = createRequire(import.meta.url);

/**
 * A photo with faces that ships inside an installed package: the face-detection screenshot of
 * @vladmandic/human 3.3.6 (MIT licence), `assets/screenshot-facedetect.jpg`. Its lower half
 * shows five faces large enough for any detector.
 */
export const facesPhotoPath = path.join(
  path.dirname(path.dirname(require.resolve('@vladmandic/human'))),
  'assets',
  'screenshot-facedetect.jpg',
);

export const canaryCameraMake = 'CANARY-CAMERA-7c1e';

/**
 * The faces photo as a phone would send it: pixels stored a quarter turn off with an orientation
 * tag that sets them upright, a GPS position and the camera's make; the copy for publication
 * must apply the first and lose the rest.
 */
export async function photoWithGpsAndFaces(): Promise<Uint8Array> {
  const sideways = await sharp(facesPhotoPath).rotate(270).toBuffer();
  const bytes = await sharp(sideways)
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: canaryCameraMake, Software: 'Habeas test' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '55/1 42/1 18/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '37/1 41/1 2/1',
      },
    })
    .jpeg({ quality: 90 })
    .toBuffer();
  return new Uint8Array(bytes);
}

/** A small picture of noise: nothing like a face, a lot of variance. */
export async function noisePhoto(width = 64, height = 48): Promise<Uint8Array> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let index = 0; index < pixels.length; index++) pixels[index] = (index * 7919) % 251;
  return new Uint8Array(
    await sharp(pixels, { raw: { width, height, channels: 3 } })
      .jpeg()
      .toBuffer(),
  );
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 1-bit greyscale PNG of the given size whose pixel rows are all zero, deflated. */
function blackPng(width: number, height: number, rows: number): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const rowBytes = 1 + Math.ceil(width / 8);
  const image = deflateSync(Buffer.alloc(rowBytes * rows), { level: 9 });
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', header),
      pngChunk('IDAT', image),
      pngChunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/** A minimal zip holding one entry of 100 MB of zeros, deflated to a few hundred kilobytes. */
function zipBomb(): Uint8Array {
  const content = deflateSync(Buffer.alloc(100 * 1024 * 1024), { level: 9 });
  const name = Buffer.from('zeros.bin');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(100 * 1024 * 1024, 22);
  local.writeUInt16LE(name.length, 26);
  return new Uint8Array(Buffer.concat([local, name, content]));
}

/**
 * Files an upload must refuse, each with the reason it must be refused for and a name the
 * sender chose; none of them may leave anything stored.
 */
export async function badEvidenceFiles(): Promise<
  { label: string; fileName: string; bytes: Uint8Array; reason: string }[]
> {
  const jpeg = await noisePhoto(320, 240);
  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );
  return [
    {
      label: 'decompression bomb (PNG of 80 megapixels, a few kB)',
      fileName: 'bomb.png',
      // Only the first row is in the data: the header alone must stop it.
      bytes: blackPng(10_000, 8_000, 8_000),
      reason: 'PIXEL_FLOOD',
    },
    {
      label: 'pixel flood (PNG claiming 100,000 × 100,000)',
      fileName: 'flood.png',
      bytes: blackPng(100_000, 100_000, 1),
      reason: 'PIXEL_FLOOD',
    },
    { label: 'zip bomb', fileName: 'photos.zip', bytes: zipBomb(), reason: 'UNSUPPORTED_TYPE' },
    {
      label: 'SVG with a script',
      fileName: 'door.svg',
      bytes: new Uint8Array(
        Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>fetch("/api/v1/cases")</script></svg>',
        ),
      ),
      reason: 'SVG',
    },
    {
      label: 'SVG behind an XML prolog, named .jpg',
      fileName: 'door.jpg',
      bytes: new Uint8Array(
        Buffer.from(
          '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        ),
      ),
      reason: 'SVG',
    },
    {
      label: 'wrong magic bytes: an HTML page named .jpg',
      fileName: 'photo.jpg',
      bytes: new Uint8Array(Buffer.from('<html><body><script>alert(1)</script></body></html>')),
      reason: 'UNSUPPORTED_TYPE',
    },
    {
      label: 'wrong magic bytes: a Windows program named .pdf',
      fileName: 'доверенность.pdf',
      bytes: new Uint8Array(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)])),
      reason: 'UNSUPPORTED_TYPE',
    },
    {
      label: 'truncated JPEG',
      fileName: '../../../etc/passwd.jpg',
      bytes: jpeg.subarray(0, Math.floor(jpeg.length * 0.6)),
      reason: 'TRUNCATED',
    },
    {
      label: 'truncated PDF',
      fileName: 'scan.pdf',
      bytes: new Uint8Array(pdf.subarray(0, pdf.length - 8)),
      reason: 'TRUNCATED',
    },
    {
      label: 'truncated MP4',
      fileName: 'video.mp4',
      bytes: truncatedMp4(),
      reason: 'TRUNCATED',
    },
    {
      label: 'over the cap for pictures',
      fileName: 'huge.jpg',
      bytes: overCapJpeg(jpeg),
      reason: 'TOO_LARGE',
    },
    { label: 'empty', fileName: 'empty.jpg', bytes: new Uint8Array(0), reason: 'EMPTY' },
  ];
}

/** A JPEG padded past the 25 MB cap for pictures with trailing bytes after its end marker. */
function overCapJpeg(jpeg: Uint8Array): Uint8Array {
  const padded = new Uint8Array(25 * 1024 * 1024 + 1);
  padded.set(jpeg);
  return padded;
}

function box(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}

/** An MP4's first boxes, whole: `ftyp`, a `moov` and an `mdat` of a few bytes. */
export function smallMp4(): Uint8Array {
  return new Uint8Array(
    Buffer.concat([
      box('ftyp', Buffer.from('isom\0\0\x02\0isomiso2mp41', 'latin1')),
      box('moov', box('mvhd', Buffer.alloc(100))),
      box('mdat', Buffer.alloc(64, 7)),
    ]),
  );
}

function truncatedMp4(): Uint8Array {
  const whole = smallMp4();
  return whole.subarray(0, whole.length - 20);
}
