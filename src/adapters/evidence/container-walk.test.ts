import { describe, expect, it } from 'vitest';
import { smallMp4 } from '../../../test/support/evidence-files.ts';
import { mp4IsWhole, mp4WithoutMetadata, pdfIsWhole, webmIsWhole } from './container-walk.ts';

/** An EBML header and a Segment of known size holding `payload` bytes. */
function webm(payload: number, declared = payload): Uint8Array {
  const header = [0x1a, 0x45, 0xdf, 0xa3, 0x84, 0x42, 0x82, 0x81, 0x77];
  const segment = [0x18, 0x53, 0x80, 0x67, 0x80 | declared, ...new Array(payload).fill(0)];
  return new Uint8Array([...header, ...segment]);
}

function box(type: string, ...children: Buffer[]): Buffer {
  const body = Buffer.concat(children);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}

describe('container structure', () => {
  it('blanks an MP4’s location, device and times without moving a byte of the video', () => {
    const times = Buffer.alloc(100);
    times.writeUInt32BE(0xe1b2c3d4, 4);
    const gps = Buffer.from('\u00a9xyz+55.7047+037.6825/ iPhone 15 Pro', 'latin1');
    const video = Buffer.alloc(64, 7);
    const original = new Uint8Array(
      Buffer.concat([
        box('ftyp', Buffer.from('isom\0\0\x02\0isomiso2mp41', 'latin1')),
        box(
          'moov',
          box('mvhd', times),
          box('trak', box('tkhd', times), box('udta', gps)),
          box('udta', gps),
        ),
        box('mdat', video),
      ]),
    );
    const cleaned = mp4WithoutMetadata(original);
    if (cleaned === null) throw new Error('not cleaned');
    expect(cleaned.length).toBe(original.length);
    const text = Buffer.from(cleaned).toString('latin1');
    expect(text).not.toContain('+55.7047');
    expect(text).not.toContain('iPhone');
    expect(text).not.toContain('udta');
    expect(Buffer.from(cleaned).includes(Buffer.from([0xe1, 0xb2, 0xc3, 0xd4]))).toBe(false);
    expect(Buffer.from(cleaned.subarray(cleaned.length - 64)).equals(video)).toBe(true);
    expect(mp4IsWhole(cleaned)).toBe(true);
    expect(mp4WithoutMetadata(original.subarray(0, original.length - 3))).toBeNull();
  });

  it('tells a whole MP4 from one cut short or without its index', () => {
    const whole = smallMp4();
    expect(mp4IsWhole(whole)).toBe(true);
    expect(mp4IsWhole(whole.subarray(0, whole.length - 1))).toBe(false);
    expect(mp4IsWhole(whole.subarray(0, 32))).toBe(false);
  });

  it('tells a whole WebM from one whose segment runs past the end', () => {
    expect(webmIsWhole(webm(20))).toBe(true);
    expect(webmIsWhole(webm(10, 20))).toBe(false);
  });

  it('tells a PDF with its end marker from one without', () => {
    expect(pdfIsWhole(new Uint8Array(Buffer.from('%PDF-1.4\n...\n%%EOF\n')))).toBe(true);
    expect(pdfIsWhole(new Uint8Array(Buffer.from('%PDF-1.4\n...\n')))).toBe(false);
  });
});
