import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfText } from '../../../../test/support/document-text.ts';
import { seedStoryFacts } from '../../../../test/support/seed-story.ts';
import { testClock } from '../../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../../test/support/test-databases.ts';
import { buildTestServer, signInOverHttp } from '../../../../test/support/test-server.ts';
import { createOrganisation } from '../../../app/organisations/create-organisation.ts';
import { setEscrowKey } from '../../../app/organisations/init-escrow.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import type { Role } from '../../../domain/access/roles.ts';
import { buildPorts } from '../../container.ts';
import type { HabeasServer } from '../build-server.ts';

describe.each(testDialects())('documents over HTTP [$name]', (dialect) => {
  let database: TestDatabase;
  let ports: Ports;
  let server: HabeasServer;
  let orgId: string;
  const clock = testClock(new Date('2026-11-29T10:00:00Z'));

  beforeEach(async () => {
    database = await dialect.open();
    clock.set(new Date('2026-11-29T10:00:00Z'));
    ports = buildPorts(database, { clock });
    server = await buildTestServer(ports);
    orgId = (await createOrganisation(ports, { name: 'Test group' })).id;
    await setEscrowKey(ports, { orgId });
  });
  afterEach(async () => {
    await server.app.close();
    await database.close();
  });

  const signedIn = (roles: Role[]) => signInOverHttp({ server, ports, clock }, { orgId, roles });

  it('prepares, generates, downloads and tracks complaint 2, naming missing fields on the way', async () => {
    const lawyer = await signedIn(['lawyer']);
    const created = await lawyer.browser.post('/api/v1/cases', {
      person: { fullName: 'Примеров Иван Сергеевич' },
    });
    const { caseId } = created.json() as { caseId: string };
    const documents = `/api/v1/cases/${caseId}/documents`;

    const templates = await lawyer.browser.get('/api/v1/documents/templates');
    expect(templates.statusCode).toBe(200);
    expect(templates.json().templates).toHaveLength(7);

    const prepared = await lawyer.browser.get(`${documents}/prepare?kind=lawyer-access-complaint`);
    expect(prepared.statusCode).toBe(200);
    const { values, problems } = prepared.json() as {
      values: Record<string, string>;
      problems: { field: string }[];
    };
    // The shipped places name the Moscow garrison's military prosecutor.
    expect(values['prosecutor.name']).toBe('Военная прокуратура Московского гарнизона');
    expect(problems.map((problem) => problem.field)).toContain('refusal.date');

    const refused = await lawyer.browser.post(
      documents,
      { kind: 'lawyer-access-complaint', values },
      { headers: { 'accept-language': 'ru' } },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('DOCUMENT_FIELDS_MISSING');
    expect(refused.json().error.fields).toContainEqual({
      path: 'body.values.refusal.date',
      message: 'Не заполнено: «Дата недопуска представителя».',
    });

    const seed = seedStoryFacts().values;
    const complete = { ...seed, ...values, grounds: 'Недопуск нарушает ст. 48 Конституции.' };
    const generated = await lawyer.browser.post(documents, {
      kind: 'lawyer-access-complaint',
      values: Object.fromEntries(
        Object.entries(complete).filter(([field]) =>
          (templates.json().templates as { kind: string; fields: { name: string }[] }[])
            .find((template) => template.kind === 'lawyer-access-complaint')
            ?.fields.some((known) => known.name === field),
        ),
      ),
    });
    expect(generated.statusCode).toBe(201);
    const document = generated.json();
    expect(document).toMatchObject({
      kind: 'lawyer-access-complaint',
      templateVersion: 1,
      stage: 'drafted',
    });

    const pdf = await lawyer.browser.get(`${documents}/${document.id}/files/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(
      /^attachment; filename="lawyer-access-complaint-/u,
    );
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(document.pdfSha256);
    expect(pdfText(new Uint8Array(pdf.rawPayload))).toContain('Примеров Иван Сергеевич');

    const sent = await lawyer.browser.post(`${documents}/${document.id}/tracking`, {
      step: 'sent',
      sentOn: '2026-11-29',
      via: 'email',
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({
      stage: 'answer-due',
      sentVia: 'email',
      answerDue: '2027-01-01',
    });

    const twice = await lawyer.browser.post(`${documents}/${document.id}/tracking`, {
      step: 'sent',
      sentOn: '2026-11-29',
      via: 'post',
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields).toEqual([
      { path: 'body.step', message: 'Документ уже отправлен.' },
    ]);

    const listed = await lawyer.browser.get(documents);
    expect(listed.json().documents).toMatchObject([
      { id: document.id, status: 'sent', answerDue: '2027-01-01' },
    ]);

    const openApi = await server.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const paths = openApi.json().paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/api/v1/cases/{caseId}/documents'] ?? {}).sort()).toEqual([
      'get',
      'post',
    ]);
    expect(
      Object.keys(paths['/api/v1/cases/{caseId}/documents/{documentId}/files/{format}'] ?? {}),
    ).toEqual(['get']);
    expect(Object.keys(paths['/api/v1/documents/batch'] ?? {})).toEqual(['post']);
  });

  it('keeps someone not on the case from its documents', async () => {
    const lawyer = await signedIn(['lawyer']);
    const volunteer = await signedIn(['volunteer']);
    const { caseId } = (
      await lawyer.browser.post('/api/v1/cases', { person: { fullName: 'Образцов Пётр' } })
    ).json() as { caseId: string };
    const listed = await volunteer.browser.get(`/api/v1/cases/${caseId}/documents`);
    expect(listed.statusCode).toBe(403);
    const prepared = await volunteer.browser.get(
      `/api/v1/cases/${caseId}/documents/prepare?kind=detention-complaint`,
    );
    expect(prepared.statusCode).toBe(403);
  });
});
