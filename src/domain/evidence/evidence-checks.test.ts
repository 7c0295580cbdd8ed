import { describe, expect, it } from 'vitest';
import { personalFields } from '../sealing/data-class.ts';
import {
  checkEvidenceContent,
  checkEvidenceType,
  clampBlurBoxes,
  safeEvidenceFileName,
} from './evidence-checks.ts';
import { evidenceItemDataClasses, evidenceSizeCaps } from './evidence-item.ts';

describe('evidence checks', () => {
  it.each([
    ['../../etc/passwd', 'image/jpeg', 'passwd.jpg'],
    ['..\\..\\Windows\\win.ini', 'application/pdf', 'win.pdf'],
    ['.htaccess', 'image/png', 'htaccess.png'],
    ['door.svg', 'image/png', 'door.png'],
    ['photo.jpg.exe', 'image/jpeg', 'photo.jpg.jpg'],
    ['дверь\u0000\u202e военкомата.JPG', 'image/jpeg', 'дверь военкомата.jpg'],
    ['', 'video/mp4', 'evidence.mp4'],
    ['...', 'video/webm', 'evidence.webm'],
  ] as const)('names %j harmlessly for %s', (name, type, expected) => {
    expect(safeEvidenceFileName(name, type)).toBe(expected);
  });

  it('keeps long names within the limit', () => {
    expect([...safeEvidenceFileName('я'.repeat(500), 'image/jpeg')]).toHaveLength(120);
  });

  it('decides by the content’s type and the cap of its kind', () => {
    expect(checkEvidenceType('image/jpeg', 10)).toEqual({
      ok: true,
      kind: 'image',
      mediaType: 'image/jpeg',
    });
    expect(checkEvidenceType('video/mp4', evidenceSizeCaps.image + 1)).toMatchObject({ ok: true });
    for (const [type, size, reason] of [
      ['image/svg+xml', 10, 'SVG'],
      ['application/zip', 10, 'UNSUPPORTED_TYPE'],
      [null, 10, 'UNSUPPORTED_TYPE'],
      ['image/png', 0, 'EMPTY'],
      ['image/png', evidenceSizeCaps.image + 1, 'TOO_LARGE'],
      ['video/webm', evidenceSizeCaps.video + 1, 'TOO_LARGE'],
    ] as const) {
      expect(checkEvidenceType(type, size)).toMatchObject({ ok: false, refusal: { reason } });
    }
  });

  it('refuses a picture of more pixels than the limit even when the reader let it through', () => {
    expect(
      checkEvidenceContent({ outcome: 'readable', width: 10_000, height: 10_000 }),
    ).toMatchObject({ ok: false, refusal: { reason: 'PIXEL_FLOOD' } });
    expect(checkEvidenceContent({ outcome: 'truncated' })).toMatchObject({
      refusal: { message: { ru: expect.stringContaining('обрезан') } },
    });
  });

  it('keeps boxes within the picture and refuses empty or foreign ones', () => {
    expect(clampBlurBoxes([{ x: -0.1, y: 0.9, width: 0.3, height: 0.3, origin: 'drawn' }])).toEqual(
      [{ x: 0, y: 0.9, width: expect.closeTo(0.2), height: expect.closeTo(0.1), origin: 'drawn' }],
    );
    expect(clampBlurBoxes([{ x: 2, y: 0, width: 0.1, height: 0.1, origin: 'drawn' }])).toBeNull();
    expect(
      clampBlurBoxes([{ x: Number.NaN, y: 0, width: 0.1, height: 0.1, origin: 'drawn' }]),
    ).toBeNull();
  });
});

describe('evidence data classes', () => {
  it('seals the name, the hash and the review, and keeps only kind, size and who in clear', () => {
    expect(personalFields(evidenceItemDataClasses)).toEqual(['sha256', 'fileName', 'review']);
  });
});
