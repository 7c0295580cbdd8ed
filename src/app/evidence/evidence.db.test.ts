import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  badEvidenceFiles,
  canaryCameraMake,
  noisePhoto,
  photoWithGpsAndFaces,
  smallMp4,
} from '../../../test/support/evidence-files.ts';
import { buildEnrolledStaff } from '../../../test/support/staff-fixtures.ts';
import { testClock } from '../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../test/support/test-databases.ts';
import type { Role } from '../../domain/access/roles.ts';
import type { BlurBox } from '../../domain/evidence/evidence-item.ts';
import { copyDatabase } from '../../server/backup/copy-database.ts';
import { buildPorts } from '../../server/container.ts';
import { authenticateSession } from '../accounts/authenticate-session.ts';
import { AppError } from '../app-error.ts';
import { verifyAuditLog } from '../audit/verify-audit-log.ts';
import { createCaseFile } from '../cases/create-case-file.ts';
import { deleteCaseFile } from '../cases/delete-case-file.ts';
import { createOrganisation } from '../organisations/create-organisation.ts';
import { setEscrowKey } from '../organisations/init-escrow.ts';
import { rotateCaseKeys } from '../organisations/rotate-case-keys.ts';
import type { Ports } from '../ports/ports.ts';
import { recordTimelineEvent } from '../timeline/record-timeline-event.ts';
import { addEvidence, EvidenceRefusedError } from './add-evidence.ts';
import { issueCustodySheet } from './issue-custody-sheet.ts';
import { listEvidence } from './list-evidence.ts';
import { readPublicationCopy, reviewPublicationCopy } from './publication-copy.ts';
import { readEvidenceOriginal } from './read-evidence.ts';

const person = { fullName: 'Канареечкин Тимофей', birthDate: null, phone: null, notes: null };
const canaryFileName = 'дверь военкомата CANARY-FILE-91d2.jpg';

/** Luminance variance of a region of an upright picture: a face has detail, a hidden one none. */
async function variance(bytes: Uint8Array, box: Omit<BlurBox, 'origin'>): Promise<number> {
  const image = sharp(bytes).rotate();
  const { width = 0, height = 0 } = await sharp(await image.clone().toBuffer()).metadata();
  const region = {
    left: Math.floor(box.x * width),
    top: Math.floor(box.y * height),
    width: Math.max(1, Math.floor(box.width * width)),
    height: Math.max(1, Math.floor(box.height * height)),
  };
  const { data } = await image
    .extract(region)
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const mean = data.reduce((sum, value) => sum + value, 0) / data.length;
  return data.reduce((sum, value) => sum + (value - mean) ** 2, 0) / data.length;
}

/** A standard deviation of about 12 grey levels: soft shading, no features. */
const hiddenVariance = 150;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.each(testDialects())('evidence on a case [$name]', (dialect) => {
  let database: TestDatabase;
  let ports: Ports;
  let orgId: string;
  let escrowPrivateKey: string;
  let photo: Uint8Array;

  beforeAll(async () => {
    photo = await photoWithGpsAndFaces();
  });

  beforeEach(async () => {
    database = await dialect.open();
    ports = buildPorts(database, { clock: testClock(new Date('2026-11-29T10:00:00Z')) });
    orgId = (await createOrganisation(ports, { name: 'Test group' })).id;
    escrowPrivateKey = (await setEscrowKey(ports, { orgId })).privateKey;
  });
  afterEach(async () => {
    await database.close();
  });

  async function staff(roles: Role[]) {
    const enrolled = await buildEnrolledStaff(ports, { orgId, roles });
    return {
      ...enrolled,
      session: await authenticateSession(ports, enrolled.sessionToken, 'full'),
    };
  }

  async function caseWithRefusedLawyer() {
    const lawyer = await staff(['coordinator', 'lawyer']);
    const caseId = (await createCaseFile(ports, lawyer.session, { person })).caseId;
    const detained = new Date('2026-11-29T08:00:00Z');
    await recordTimelineEvent(ports, lawyer.session, caseId, {
      kind: 'detained',
      occurredAt: detained,
      placeId: null,
      powerOfAttorney: null,
      note: null,
    });
    const refused = await recordTimelineEvent(ports, lawyer.session, caseId, {
      kind: 'lawyer-refused-entry',
      occurredAt: new Date('2026-11-29T09:30:00Z'),
      placeId: null,
      powerOfAttorney: 'notarised',
      note: null,
    });
    return { lawyer, caseId, eventId: refused.id };
  }

  it('seals a photo unchanged, attached to the event, and lists it with its SHA-256', async () => {
    const { lawyer, caseId, eventId } = await caseWithRefusedLawyer();
    const item = await addEvidence(ports, lawyer.session, {
      caseId,
      fileName: `../../${canaryFileName}`,
      bytes: photo,
      timelineEventId: eventId,
    });
    expect(item).toMatchObject({
      kind: 'image',
      mediaType: 'image/jpeg',
      byteSize: photo.length,
      sha256: sha256(photo),
      fileName: canaryFileName,
      timelineEventId: eventId,
      width: 800,
      height: 718,
    });
    expect(item.review?.status).toBe('pending');
    expect(item.review?.detector).toBe('found');
    expect(item.review?.boxes.length).toBeGreaterThanOrEqual(5);

    const [listed] = await listEvidence(ports, lawyer.session, caseId);
    expect(listed).toMatchObject({ id: item.id, sha256: sha256(photo), addedBy: lawyer.userId });
    const original = await readEvidenceOriginal(ports, lawyer.session, {
      caseId,
      evidenceId: item.id,
    });
    expect(sha256(original.bytes)).toBe(sha256(photo));

    // Nothing personal in clear: not the name, not the camera, not the bytes, not their hash.
    const rows = await database.db.selectFrom('evidence_items').selectAll().execute();
    const chunks = await database.db.selectFrom('evidence_chunks').selectAll().execute();
    const stored =
      JSON.stringify(rows) +
      chunks.map((row) => Buffer.from(row.sealed, 'base64').toString('latin1')).join('');
    expect(stored).not.toContain('CANARY-FILE');
    expect(stored).not.toContain(canaryCameraMake);
    expect(stored).not.toContain(sha256(photo));
    const audit = await database.db.selectFrom('audit_log').select('details').execute();
    expect(JSON.stringify(audit)).not.toContain(sha256(photo));

    const reads = await database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'case.read')
      .execute();
    expect(reads.map((row) => JSON.parse(row.details).purpose)).toEqual(
      expect.arrayContaining(['evidence', 'evidence-original']),
    );
    expect((await verifyAuditLog(ports))[0]?.chainBreak).toBeNull();
  });

  it('makes a copy for publication with no metadata, upright, with every face hidden, only after review', async () => {
    const { lawyer, caseId } = await caseWithRefusedLawyer();
    const item = await addEvidence(ports, lawyer.session, {
      caseId,
      fileName: 'crowd.jpg',
      bytes: photo,
      timelineEventId: null,
    });
    const target = { caseId, evidenceId: item.id };
    await expect(
      readPublicationCopy(ports, lawyer.session, { ...target, preview: false }),
    ).rejects.toMatchObject({ code: 'EVIDENCE_NOT_REVIEWED' });

    const preview = await readPublicationCopy(ports, lawyer.session, { ...target, preview: true });
    const metadata = await sharp(preview.bytes).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 800, height: 718 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.icc).toBeUndefined();
    expect(metadata.iptc).toBeUndefined();
    expect(metadata.comments).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect(Buffer.from(preview.bytes).toString('latin1')).not.toContain(canaryCameraMake);

    for (const box of item.review?.boxes ?? []) {
      const before = await variance(photo, box);
      const after = await variance(preview.bytes, box);
      expect(before, 'a face has detail before').toBeGreaterThan(hiddenVariance * 4);
      expect(after, JSON.stringify(box)).toBeLessThan(Math.min(hiddenVariance, before / 10));
    }

    // The reviewer drops one box and draws another over a corner.
    const boxes = item.review?.boxes ?? [];
    const drawn: BlurBox = { x: 0, y: 0, width: 0.25, height: 0.1, origin: 'drawn' };
    const reviewed = await reviewPublicationCopy(ports, lawyer.session, {
      ...target,
      boxes: [...boxes.slice(1), drawn],
      publishable: true,
    });
    expect(reviewed.review).toMatchObject({ status: 'publishable', reviewedBy: lawyer.userId });
    const published = await readPublicationCopy(ports, lawyer.session, {
      ...target,
      preview: false,
    });
    expect(await variance(published.bytes, drawn)).toBeLessThan(hiddenVariance);
    const [listed] = await listEvidence(ports, lawyer.session, caseId);
    expect(listed?.review?.boxes).toHaveLength(boxes.length);
  });

  it('never makes a copy publishable when the detector fails, until someone reviews it', async () => {
    const failing = {
      ...ports,
      faceDetector: { detect: () => Promise.reject(new Error('model missing')) },
    };
    const { lawyer, caseId } = await caseWithRefusedLawyer();
    const item = await addEvidence(failing, lawyer.session, {
      caseId,
      fileName: 'door.jpg',
      bytes: await noisePhoto(),
      timelineEventId: null,
    });
    expect(item.review).toMatchObject({ status: 'pending', detector: 'failed', boxes: [] });
    await expect(
      readPublicationCopy(ports, lawyer.session, { caseId, evidenceId: item.id, preview: false }),
    ).rejects.toBeInstanceOf(AppError);
  });

  it('refuses every file of the bad corpus and stores nothing', async () => {
    const { lawyer, caseId } = await caseWithRefusedLawyer();
    const outcomes: string[] = [];
    for (const bad of await badEvidenceFiles()) {
      const refused = await addEvidence(ports, lawyer.session, {
        caseId,
        fileName: bad.fileName,
        bytes: bad.bytes,
        timelineEventId: null,
      }).then(
        () => 'stored',
        (error: unknown) =>
          error instanceof EvidenceRefusedError ? error.refusal.reason : String(error),
      );
      outcomes.push(`${bad.label}: ${refused}`);
      expect(refused, bad.label).toBe(bad.reason);
    }
    expect(outcomes).toHaveLength(12);
    expect(await database.db.selectFrom('evidence_items').selectAll().execute()).toEqual([]);
    expect(await database.db.selectFrom('evidence_chunks').selectAll().execute()).toEqual([]);
  });

  it('refuses an event of another case and a stranger to the case', async () => {
    const { lawyer, caseId } = await caseWithRefusedLawyer();
    const other = await caseWithRefusedLawyer();
    await expect(
      addEvidence(ports, lawyer.session, {
        caseId,
        fileName: 'a.jpg',
        bytes: await noisePhoto(),
        timelineEventId: other.eventId,
      }),
    ).rejects.toMatchObject({ refusal: { reason: 'TIMELINE_EVENT_NOT_FOUND' } });
    const volunteer = await staff(['volunteer']);
    await expect(
      addEvidence(ports, volunteer.session, {
        caseId,
        fileName: 'a.jpg',
        bytes: await noisePhoto(),
        timelineEventId: null,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await database.db.selectFrom('evidence_items').selectAll().execute()).toEqual([]);
  });

  it('keeps a video as it is, gives a copy with its metadata blanked and no review, and issues a custody sheet', async () => {
    const { lawyer, caseId, eventId } = await caseWithRefusedLawyer();
    const video = smallMp4();
    const item = await addEvidence(ports, lawyer.session, {
      caseId,
      fileName: 'metro.mp4',
      bytes: video,
      timelineEventId: eventId,
    });
    expect(item).toMatchObject({ kind: 'video', mediaType: 'video/mp4', review: null });
    const copy = await readPublicationCopy(ports, lawyer.session, {
      caseId,
      evidenceId: item.id,
      preview: false,
    });
    expect(copy.mediaType).toBe('video/mp4');
    expect(copy.bytes.length).toBe(video.length);
    await expect(
      reviewPublicationCopy(ports, lawyer.session, {
        caseId,
        evidenceId: item.id,
        boxes: [],
        publishable: true,
      }),
    ).rejects.toMatchObject({ code: 'EVIDENCE_NOT_REVIEWED', detail: 'not-reviewable' });

    const { pdf } = await issueCustodySheet(ports, lawyer.session, { caseId, evidenceId: item.id });
    const dir = mkdtempSync(path.join(tmpdir(), 'custody-'));
    try {
      writeFileSync(path.join(dir, 'sheet.pdf'), pdf);
      const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'sheet.pdf'), '-'], {
        encoding: 'utf8',
      });
      expect(text).toContain('Лист хранения доказательства');
      expect(text).toContain(sha256(video));
      expect(text).toContain('Адвоката не пустили');
      expect(text).toContain('29.11.2026 12:30:00 (МСК)');
      expect(text).toContain('video/mp4');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('copies a file of several chunks into the other dialect, where it opens unchanged', async () => {
    const { lawyer, caseId } = await caseWithRefusedLawyer();
    const scan = Buffer.alloc(5 * 1024 * 1024 + 123, 0x20);
    scan.write('%PDF-1.4\n', 0, 'latin1');
    scan.write('\n%%EOF\n', scan.length - 7, 'latin1');
    const item = await addEvidence(ports, lawyer.session, {
      caseId,
      fileName: 'доверенность.pdf',
      bytes: new Uint8Array(scan),
      timelineEventId: null,
    });
    expect(item).toMatchObject({ kind: 'pdf', review: null, byteSize: scan.length });
    const other = testDialects().find((candidate) => candidate.dialect !== dialect.dialect);
    if (other === undefined) throw new Error('two dialects expected');
    const target = await other.open({ migrate: false });
    try {
      const copied = await copyDatabase(database, target);
      expect(copied.get('evidence_chunks')).toBe(6);
      const targetPorts = buildPorts(target, {
        clock: testClock(new Date('2026-11-29T10:00:00Z')),
      });
      const session = await authenticateSession(targetPorts, lawyer.sessionToken, 'full');
      const read = await readEvidenceOriginal(targetPorts, session, {
        caseId,
        evidenceId: item.id,
      });
      expect(sha256(read.bytes)).toBe(sha256(scan));
    } finally {
      await target.close();
    }
  });

  it('keeps originals readable through key rotation and destroys them with the case', async () => {
    const { lawyer, caseId } = await caseWithRefusedLawyer();
    const bytes = await noisePhoto();
    const item = await addEvidence(ports, lawyer.session, {
      caseId,
      fileName: 'a.jpg',
      bytes,
      timelineEventId: null,
    });
    expect(await rotateCaseKeys(ports, { orgId, escrowPrivateKey })).toMatchObject({
      rotatedCases: 1,
    });
    const read = await readEvidenceOriginal(ports, lawyer.session, { caseId, evidenceId: item.id });
    expect(sha256(read.bytes)).toBe(sha256(bytes));
    await deleteCaseFile(ports, lawyer.session, caseId);
    expect(await database.db.selectFrom('evidence_items').selectAll().execute()).toEqual([]);
    expect(await database.db.selectFrom('evidence_chunks').selectAll().execute()).toEqual([]);
  });
});
