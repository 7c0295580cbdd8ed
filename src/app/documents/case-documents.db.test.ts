import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docxText, pdfText } from '../../../test/support/document-text.ts';
import { seedStoryCase } from '../../../test/support/seed-story.ts';
import { buildEnrolledStaff } from '../../../test/support/staff-fixtures.ts';
import { testClock } from '../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../test/support/test-databases.ts';
import type { Role } from '../../domain/access/roles.ts';
import type { PlaceKind } from '../../domain/places/place.ts';
import { buildPorts } from '../../server/container.ts';
import { authenticateSession } from '../accounts/authenticate-session.ts';
import { DocumentFieldsError } from '../app-error.ts';
import { verifyAuditLog } from '../audit/verify-audit-log.ts';
import { createCaseFile } from '../cases/create-case-file.ts';
import { deleteCaseFile } from '../cases/delete-case-file.ts';
import { saveDraftMatter } from '../cases/save-draft-matter.ts';
import { createOrganisation } from '../organisations/create-organisation.ts';
import { setEscrowKey } from '../organisations/init-escrow.ts';
import { addPlace } from '../places/add-place.ts';
import type { Ports } from '../ports/ports.ts';
import { describeMyDay } from '../tasks/describe-my-day.ts';
import { recordTimelineEvent } from '../timeline/record-timeline-event.ts';
import { generateCaseDocument, generateCaseDocumentsInBatch } from './generate-case-document.ts';
import { listCaseDocuments } from './list-case-documents.ts';
import { prepareCaseDocument } from './prepare-case-document.ts';
import { readCaseDocumentFile } from './read-case-document-file.ts';
import { trackCaseDocument } from './track-case-document.ts';

describe.each(testDialects())('documents on a case [$name]', (dialect) => {
  let database: TestDatabase;
  let clock: ReturnType<typeof testClock>;
  let ports: Ports;
  let orgId: string;

  beforeEach(async () => {
    database = await dialect.open();
    // The day after the seed story's detention, 12:00 in Moscow.
    clock = testClock(new Date('2025-10-19T09:00:00Z'));
    ports = buildPorts(database, { clock });
    orgId = (await createOrganisation(ports, { name: 'Test group' })).id;
    await setEscrowKey(ports, { orgId });
  });
  afterEach(async () => {
    await database.close();
    places = undefined;
  });

  async function staff(roles: Role[]) {
    const enrolled = await buildEnrolledStaff(ports, { orgId, roles });
    return {
      ...enrolled,
      session: await authenticateSession(ports, enrolled.sessionToken, 'full'),
    };
  }
  type Staff = Awaited<ReturnType<typeof staff>>;

  async function place(by: Staff, kind: PlaceKind, nameRu: string, addressRu: string | null) {
    const added = await addPlace(ports, by.session, {
      kind,
      nameRu,
      addressRu,
      location: null,
      metroLines: [],
    });
    if (!added.ok) throw new Error(JSON.stringify(added.problems));
    return added.place.id;
  }

  let places: { metro: string; centre: string; court: string } | undefined;

  /** A place the organisation was given with Habeas (Moscow metro and offices). */
  async function shipped(kind: PlaceKind, nameRu: string): Promise<string> {
    const [found] = await ports.unitOfWork.run((repositories) =>
      repositories.places.search(orgId, { kinds: [kind], query: nameRu, limit: 1 }),
    );
    if (found?.nameRu !== nameRu) throw new Error(`${nameRu} is not shipped`);
    return found.id;
  }

  /** The seed story's places: the shipped ones, and its court, added once per organisation. */
  async function seedPlaces(by: Staff) {
    places ??= {
      metro: await shipped('metro-station', 'Тимирязевская'),
      centre: await shipped('conscription-centre', 'Сборный пункт на улице Угрешской'),
      court: await place(by, 'court', 'Кузьминский районный суд города Москвы', null),
    };
    return places;
  }

  /** The seed story recorded on a case through the use cases staff use. */
  async function seedStory(by: Staff): Promise<string> {
    const { caseId } = await createCaseFile(ports, by.session, {
      person: {
        fullName: 'Примеров Иван Сергеевич',
        birthDate: '2006-05-12',
        phone: null,
        notes: null,
      },
    });
    const { metro, centre, court } = await seedPlaces(by);
    const [appeal] = seedStoryCase.draftMatter.appeals;
    await saveDraftMatter(ports, by.session, caseId, {
      ...seedStoryCase.draftMatter,
      appeals: appeal === undefined ? [] : [{ ...appeal, courtPlaceId: court }],
    });
    const events = [
      { kind: 'detained', at: '2025-10-18T06:40:00Z', placeId: metro },
      { kind: 'transferred', at: '2025-10-18T08:00:00Z', placeId: centre },
      { kind: 'lawyer-refused-entry', at: '2025-10-18T11:00:00Z', placeId: centre },
    ] as const;
    for (const event of events) {
      await recordTimelineEvent(ports, by.session, caseId, {
        kind: event.kind,
        occurredAt: new Date(event.at),
        placeId: event.placeId,
        powerOfAttorney: event.kind === 'lawyer-refused-entry' ? 'notarised' : null,
        note: null,
      });
    }
    return caseId;
  }

  async function auditActions(caseId: string) {
    const rows = await database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('subject_id', '=', caseId)
      .orderBy('seq')
      .execute();
    return rows.map((row) => `${row.action} ${row.details}`);
  }

  it('fills complaint 2 from the case, generates it sealed, lists it with version and hashes, and audits every read', async () => {
    const lawyer = await staff(['lawyer', 'coordinator']);
    const caseId = await seedStory(lawyer);

    const prepared = await prepareCaseDocument(ports, lawyer.session, {
      caseId,
      kind: 'lawyer-access-complaint',
    });
    expect(prepared.problems).toEqual([]);
    expect(prepared.values).toMatchObject({
      'applicant.fullName': 'Примеров Иван Сергеевич',
      'centre.name': 'Сборный пункт на улице Угрешской',
      'powerOfAttorney.notarisedOn': '2025-09-05',
      'refusal.date': '2025-10-18',
      'prosecutor.name': 'Военная прокуратура Московского гарнизона',
      'document.date': '2025-10-19',
    });
    expect(prepared.values.grounds).toContain('ст. 48 Конституции');

    const edited = { ...prepared.values, 'representative.contacts': 'Москва, а/я 7' };
    const document = await generateCaseDocument(ports, lawyer.session, {
      caseId,
      kind: 'lawyer-access-complaint',
      values: edited,
    });
    expect(document).toMatchObject({
      kind: 'lawyer-access-complaint',
      templateVersion: 1,
      status: 'drafted',
    });
    expect(document.pdfSha256).toMatch(/^[0-9a-f]{64}$/u);

    const [listed] = await listCaseDocuments(ports, lawyer.session, caseId);
    expect(listed).toMatchObject({ id: document.id, stage: 'drafted', createdBy: lawyer.userId });

    const pdf = await readCaseDocumentFile(ports, lawyer.session, {
      caseId,
      documentId: document.id,
      format: 'pdf',
    });
    expect(ports.hashing.sha256HexOfBytes(pdf.bytes)).toBe(document.pdfSha256);
    expect(pdfText(pdf.bytes)).toContain('Москва, а/я 7');
    const docx = await readCaseDocumentFile(ports, lawyer.session, {
      caseId,
      documentId: document.id,
      format: 'docx',
    });
    expect(docxText(docx.bytes)).toContain('к Примерову Ивану Сергеевичу');

    // Nothing of the person or the files is in clear in the row.
    const row = await database.db
      .selectFrom('case_documents')
      .selectAll()
      .executeTakeFirstOrThrow();
    for (const sealed of [row.field_values, row.docx, row.pdf]) {
      expect(sealed).not.toContain('Примеров');
      expect(Buffer.from(sealed, 'base64').toString('latin1')).not.toContain('%PDF');
    }

    const actions = await auditActions(caseId);
    expect(actions.filter((action) => action.startsWith('case.document-generated'))).toHaveLength(
      1,
    );
    expect(actions.filter((action) => action.includes('"purpose":"document-file"'))).toHaveLength(
      2,
    );
    expect(actions.some((action) => action.includes('"purpose":"document"'))).toBe(true);
    expect((await verifyAuditLog(ports)).map((chain) => chain.chainBreak)).toEqual([null]);
  });

  it('names every missing field and stores nothing', async () => {
    const lawyer = await staff(['lawyer', 'coordinator']);
    const caseId = await seedStory(lawyer);
    const prepared = await prepareCaseDocument(ports, lawyer.session, {
      caseId,
      kind: 'lawyer-access-complaint',
    });
    const { 'prosecutor.name': _prosecutor, 'refusal.date': _refusal, ...values } = prepared.values;
    const refused = await generateCaseDocument(ports, lawyer.session, {
      caseId,
      kind: 'lawyer-access-complaint',
      values,
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DocumentFieldsError);
    expect((refused as DocumentFieldsError).problems.map((problem) => problem.field)).toEqual([
      'prosecutor.name',
      'refusal.date',
    ]);
    expect(await database.db.selectFrom('case_documents').select('id').execute()).toEqual([]);
  });

  it('tracks a document from sent to its answer due, overdue in my day, and answered', async () => {
    const lawyer = await staff(['lawyer', 'coordinator']);
    const caseId = await seedStory(lawyer);
    const prepared = await prepareCaseDocument(ports, lawyer.session, {
      caseId,
      kind: 'lawyer-access-complaint',
    });
    const document = await generateCaseDocument(ports, lawyer.session, {
      caseId,
      kind: 'lawyer-access-complaint',
      values: prepared.values,
    });
    const future = await trackCaseDocument(ports, lawyer.session, {
      caseId,
      documentId: document.id,
      step: { step: 'sent', sentOn: '2025-10-20', via: 'online-reception' },
    });
    expect(future.ok).toBe(false);

    const sent = await trackCaseDocument(ports, lawyer.session, {
      caseId,
      documentId: document.id,
      step: { step: 'sent', sentOn: '2025-10-19', via: 'online-reception' },
    });
    // Registration unknown: 3 days to register, then 30 to answer (59-FZ arts 8, 12).
    expect(sent.ok && sent.document).toMatchObject({ status: 'sent', answerDue: '2025-11-21' });
    const registered = await trackCaseDocument(ports, lawyer.session, {
      caseId,
      documentId: document.id,
      step: { step: 'registered', registeredOn: '2025-10-19' },
    });
    expect(registered.ok && registered.document.answerDue).toBe('2025-11-18');

    clock.set(new Date('2025-11-14T09:00:00Z'));
    const soon = await describeMyDay(ports, lawyer.session, { utcOffsetMinutes: 180 });
    expect(soon.documents).toMatchObject([
      { documentId: document.id, answerDue: '2025-11-18', stage: 'answer-due' },
    ]);

    clock.set(new Date('2025-11-20T09:00:00Z'));
    const late = await describeMyDay(ports, lawyer.session, { utcOffsetMinutes: 180 });
    expect(late.documents).toMatchObject([{ documentId: document.id, stage: 'overdue' }]);
    expect(late.documents[0]?.followUp?.ru).toContain('ст. 12');
    const [overdue] = await listCaseDocuments(ports, lawyer.session, caseId);
    expect(overdue?.stage).toBe('overdue');

    const extended = await trackCaseDocument(ports, lawyer.session, {
      caseId,
      documentId: document.id,
      step: { step: 'extended' },
    });
    expect(extended.ok && extended.document.answerDue).toBe('2025-12-18');

    const answered = await trackCaseDocument(ports, lawyer.session, {
      caseId,
      documentId: document.id,
      step: { step: 'answered', answeredOn: '2025-11-20' },
    });
    expect(answered.ok && answered.document.status).toBe('answered');
    expect(
      (await describeMyDay(ports, lawyer.session, { utcOffsetMinutes: 180 })).documents,
    ).toEqual([]);
  });

  it('generates one complaint per case for a group detention, or none if a case lacks a field', async () => {
    const coordinator = await staff(['coordinator']);
    const first = await seedStory(coordinator);
    const second = await seedStory(coordinator);
    const bare = (
      await createCaseFile(ports, coordinator.session, {
        person: { fullName: 'Образцов Пётр Андреевич', birthDate: null, phone: null, notes: null },
      })
    ).caseId;
    const shared = { 'representative.fullName': 'Защитникова Анна Петровна' };

    const refused = await generateCaseDocumentsInBatch(ports, coordinator.session, {
      caseIds: [first, bare],
      kind: 'detention-complaint',
      values: shared,
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DocumentFieldsError);
    const fields = (refused as DocumentFieldsError).problems.map((problem) => problem.field);
    expect(fields).toContain(`${bare}/detention.date`);
    expect(fields.every((field) => field.startsWith(`${bare}/`))).toBe(true);
    expect(await database.db.selectFrom('case_documents').select('id').execute()).toEqual([]);

    const made = await generateCaseDocumentsInBatch(ports, coordinator.session, {
      caseIds: [first, second],
      kind: 'detention-complaint',
      values: shared,
    });
    expect(made.map((document) => document.caseId)).toEqual([first, second]);
    const pdf = await readCaseDocumentFile(ports, coordinator.session, {
      caseId: second,
      documentId: made[1]?.id ?? '',
      format: 'pdf',
    });
    expect(pdfText(pdf.bytes)).toContain('от Защитниковой Анны Петровны');
  });

  it('keeps a volunteer without the case from its documents, and shreds them with the case', async () => {
    const lawyer = await staff(['lawyer', 'coordinator']);
    const volunteer = await staff(['volunteer']);
    const caseId = await seedStory(lawyer);
    const prepared = await prepareCaseDocument(ports, lawyer.session, {
      caseId,
      kind: 'lawyer-admission-request',
    });
    const document = await generateCaseDocument(ports, lawyer.session, {
      caseId,
      kind: 'lawyer-admission-request',
      values: prepared.values,
    });
    await expect(
      readCaseDocumentFile(ports, volunteer.session, {
        caseId,
        documentId: document.id,
        format: 'pdf',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listCaseDocuments(ports, volunteer.session, caseId)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await deleteCaseFile(ports, lawyer.session, caseId);
    expect(await database.db.selectFrom('case_documents').select('id').execute()).toEqual([]);
  });
});
