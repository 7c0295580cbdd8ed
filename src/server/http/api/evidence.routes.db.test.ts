import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noisePhoto } from '../../../../test/support/evidence-files.ts';
import type { testClock } from '../../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../../test/support/test-databases.ts';
import {
  closeRouteHarness,
  openRouteHarness,
  signInOverHttp,
} from '../../../../test/support/test-server.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import type { Role } from '../../../domain/access/roles.ts';
import type { HabeasServer } from '../build-server.ts';

const boundary = 'habeas-test-boundary';

/** A multipart body as a browser's FormData would send it. */
function multipartBody(
  file: { name: string; type: string; bytes: Uint8Array },
  fields: Record<string, string> = {},
): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    Buffer.from(file.bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return Buffer.concat(parts);
}

describe.each(testDialects())('evidence over HTTP [$name]', (dialect) => {
  let database: TestDatabase;
  let clock: ReturnType<typeof testClock>;
  let ports: Ports;
  let server: HabeasServer;
  let orgId: string;

  beforeEach(async () => {
    ({ database, clock, ports, server, orgId } = await openRouteHarness(
      dialect,
      new Date('2026-11-29T10:00:00Z'),
      { escrow: true },
    ));
  });
  afterEach(() => closeRouteHarness({ server, database }));

  const signedIn = (roles: Role[]) => signInOverHttp({ server, ports, clock }, { orgId, roles });
  type Browser = Awaited<ReturnType<typeof signedIn>>['browser'];

  function send(browser: Browser, url: string, body: Buffer, language = 'ru') {
    return browser.request({
      method: 'POST',
      url,
      body,
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'accept-language': language,
      },
    });
  }

  it('takes a photo for an event, lists it, and serves the original, the preview and the custody sheet', async () => {
    const lawyer = await signedIn(['lawyer']);
    const caseId = (
      (
        await lawyer.browser.post('/api/v1/cases', { person: { fullName: 'Смирнов Алексей' } })
      ).json() as { caseId: string }
    ).caseId;
    await lawyer.browser.post(`/api/v1/cases/${caseId}/timeline`, {
      kind: 'detained',
      occurredAt: '2026-11-29T11:00:00+03:00',
    });
    const event = await lawyer.browser.post(`/api/v1/cases/${caseId}/timeline`, {
      kind: 'lawyer-refused-entry',
      occurredAt: '2026-11-29T12:30:00+03:00',
    });
    expect(event.statusCode).toBe(201);
    const eventId = (event.json() as { id: string }).id;
    const photo = await noisePhoto(200, 150);
    const evidence = `/api/v1/cases/${caseId}/evidence`;

    const added = await send(
      lawyer.browser,
      evidence,
      multipartBody(
        { name: '../дверь.jpg', type: 'image/jpeg', bytes: photo },
        { timelineEventId: eventId },
      ),
    );
    expect(added.statusCode, added.body).toBe(201);
    const item = added.json();
    const sha256 = createHash('sha256').update(photo).digest('hex');
    expect(item).toMatchObject({
      kind: 'image',
      mediaType: 'image/jpeg',
      byteSize: photo.length,
      sha256,
      fileName: 'дверь.jpg',
      timelineEventId: eventId,
      addedBy: lawyer.userId,
      review: { status: 'pending', detector: 'found' },
    });

    expect((await lawyer.browser.get(evidence)).json()).toEqual({ items: [item] });

    const original = await lawyer.browser.get(`${evidence}/${item.id}/original`);
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-type']).toBe('image/jpeg');
    expect(original.headers['x-content-sha256']).toBe(sha256);
    expect(original.headers['content-disposition']).toContain('attachment');
    expect(createHash('sha256').update(original.rawPayload).digest('hex')).toBe(sha256);

    const refused = await lawyer.browser.get(`${evidence}/${item.id}/publication-copy`);
    expect(refused.statusCode).toBe(409);
    const preview = await lawyer.browser.get(
      `${evidence}/${item.id}/publication-copy?preview=true`,
    );
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toBe('image/jpeg');

    const reviewed = await lawyer.browser.request({
      method: 'PUT',
      url: `${evidence}/${item.id}/review`,
      body: {
        boxes: [{ x: 0.1, y: 0.1, width: 0.3, height: 0.3, origin: 'drawn' }],
        publishable: true,
      },
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json().review).toMatchObject({
      status: 'publishable',
      reviewedBy: lawyer.userId,
    });
    expect((await lawyer.browser.get(`${evidence}/${item.id}/publication-copy`)).statusCode).toBe(
      200,
    );

    const sheet = await lawyer.browser.get(`${evidence}/${item.id}/custody-sheet`);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-type']).toBe('application/pdf');
    expect(sheet.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const openApi = await server.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const paths = openApi.json().paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/api/v1/cases/{caseId}/evidence'] ?? {}).sort()).toEqual([
      'get',
      'post',
    ]);
    for (const leaf of ['original', 'publication-copy', 'custody-sheet'])
      expect(
        Object.keys(paths[`/api/v1/cases/{caseId}/evidence/{evidenceId}/${leaf}`] ?? {}),
      ).toEqual(['get']);
    expect(Object.keys(paths['/api/v1/cases/{caseId}/evidence/{evidenceId}/review'] ?? {})).toEqual(
      ['put'],
    );
  });

  it('refuses bad files with a status and a message in the reader’s language, and strangers', async () => {
    const lawyer = await signedIn(['lawyer']);
    const caseId = (
      (
        await lawyer.browser.post('/api/v1/cases', { person: { fullName: 'Смирнов Алексей' } })
      ).json() as { caseId: string }
    ).caseId;
    const evidence = `/api/v1/cases/${caseId}/evidence`;
    const svg = await send(
      lawyer.browser,
      evidence,
      multipartBody({
        name: 'door.png',
        type: 'image/png',
        bytes: new Uint8Array(
          Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>'),
        ),
      }),
    );
    expect(svg.statusCode).toBe(415);
    expect(svg.json().error).toMatchObject({ code: 'EVIDENCE_TYPE_REFUSED' });
    expect(svg.json().error.message).toContain('SVG не принимается');

    const photo = await noisePhoto(200, 150);
    const cut = await send(
      lawyer.browser,
      evidence,
      multipartBody({ name: 'a.jpg', type: 'image/jpeg', bytes: photo.subarray(0, 400) }),
      'en',
    );
    expect(cut.statusCode).toBe(422);
    expect(cut.json().error.message).toContain('cut short');

    const notMultipart = await lawyer.browser.post(evidence, { file: 'x' });
    expect(notMultipart.statusCode).toBe(415);

    // A body that claims to be multipart and is not: refused as unreadable, never a server error.
    const garbled = await send(
      lawyer.browser,
      evidence,
      Buffer.from(`{"x":"${'x'.repeat(4000)}"}`),
    );
    expect(garbled.statusCode).toBe(400);
    expect(garbled.json().error.code).toBe('MALFORMED_BODY');

    const volunteer = await signedIn(['volunteer']);
    const stranger = await send(
      volunteer.browser,
      evidence,
      multipartBody({ name: 'a.jpg', type: 'image/jpeg', bytes: photo }),
    );
    expect(stranger.statusCode).toBe(403);
    expect((await volunteer.browser.get(evidence)).statusCode).toBe(403);
    expect(await database.db.selectFrom('evidence_items').selectAll().execute()).toEqual([]);
  });
});
