import { describe, expect, it } from 'vitest';
import { smallMp4 } from '../../../test/support/evidence-files.ts';
import { mp4IsWhole, pdfIsWhole, webmIsWhole } from './container-walk.ts';

/** An EBML header and a Segment of known size holding `payload` bytes. */
function webm(payload: number, declared = payload): Uint8Array {
  const header = [0x1a, 0x45, 0xdf, 0xa3, 0x84, 0x42, 0x82, 0x81, 0x77];
  const segment = [0x18, 0x53, 0x80, 0x67, 0x80 | declared, ...new Array(payload).fill(0)];
  return new Uint8Array([...header, ...segment]);
}

describe('container structure', () => {
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
