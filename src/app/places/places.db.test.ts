import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEnrolledStaff } from '../../../test/support/staff-fixtures.ts';
import { testClock } from '../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../test/support/test-databases.ts';
import { shippedPlaceFiles } from '../../adapters/places/shipped-place-files.ts';
import type { Role } from '../../domain/access/roles.ts';
import type { ShippedPlace } from '../../domain/places/shipped-place.ts';
import { buildPorts } from '../../server/container.ts';
import { authenticateSession } from '../accounts/authenticate-session.ts';
import { verifyAuditLog } from '../audit/verify-audit-log.ts';
import { createOrganisation } from '../organisations/create-organisation.ts';
import type { Ports } from '../ports/ports.ts';
import { addPlace } from './add-place.ts';
import { confirmPlace } from './confirm-place.ts';
import { editPlace } from './edit-place.ts';
import { findPlace } from './find-place.ts';
import { listPlaces } from './list-places.ts';
import { topUpShippedPlaces } from './top-up-shipped-places.ts';

const shipped = shippedPlaceFiles().list();

const noLines = { metroLines: [] as string[] };

describe.each(testDialects())('places [$name]', (dialect) => {
  let database: TestDatabase;
  let clock: ReturnType<typeof testClock>;
  let ports: Ports;

  beforeEach(async () => {
    database = await dialect.open();
    clock = testClock();
    ports = buildPorts(database, { clock });
  });
  afterEach(async () => {
    await database.close();
  });

  async function staff(orgId: string, roles: Role[]) {
    const enrolled = await buildEnrolledStaff(ports, { orgId, roles });
    return {
      ...enrolled,
      session: await authenticateSession(ports, enrolled.sessionToken, 'full'),
    };
  }

  async function auditActions(orgId: string): Promise<string[]> {
    const rows = await database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('org_id', '=', orgId)
      .where((eb) =>
        eb.or([eb('action', 'like', 'place.%'), eb('action', '=', 'organisation.created')]),
      )
      .orderBy('seq')
      .execute();
    return rows.map((row) => `${row.action} ${row.details}`);
  }

  it('gives each new organisation its own copy of the shipped places', async () => {
    const first = (await createOrganisation(ports, { name: 'First' })).id;
    const second = (await createOrganisation(ports, { name: 'Second' })).id;
    const volunteer = await staff(first, ['volunteer']);
    const other = await staff(second, ['volunteer']);

    const everything = { kinds: [], query: '', limit: 1000 };
    const firstPlaces = await listPlaces(ports, volunteer.session, everything);
    const secondPlaces = await listPlaces(ports, other.session, everything);
    expect(firstPlaces).toHaveLength(shipped.length);
    expect(secondPlaces).toHaveLength(shipped.length);
    const secondIds = new Set(secondPlaces.map((place) => place.id));
    expect(firstPlaces.some((place) => secondIds.has(place.id))).toBe(false);

    const offices = await listPlaces(ports, volunteer.session, {
      ...everything,
      kinds: ['conscription-centre', 'military-prosecutor'],
    });
    expect(offices.map((place) => [place.nameRu, place.verified])).toEqual([
      ['Военная прокуратура Московского гарнизона', false],
      ['Военный комиссариат города Москвы', false],
      ['Сборный пункт на улице Угрешской', false],
    ]);
    const found = await listPlaces(ports, volunteer.session, { ...everything, query: 'ugresh' });
    expect(found.map((place) => place.nameRu)).toEqual(['Сборный пункт на улице Угрешской']);

    expect(await auditActions(first)).toEqual([
      `organisation.created {"via":"cli","shippedPlaces":${shipped.length}}`,
    ]);
  });

  it('tops up organisations at start-up with places shipped since, never undoing their edits', async () => {
    const [station, office, ...later] = shipped as [ShippedPlace, ShippedPlace, ...ShippedPlace[]];
    const older = buildPorts(database, { clock, shippedPlaces: { list: () => [station, office] } });
    const orgId = (await createOrganisation(older, { name: 'Early group' })).id;
    const coordinator = await staff(orgId, ['coordinator']);
    const [held] = await listPlaces(ports, coordinator.session, {
      kinds: [station.kind],
      query: station.nameRu,
      limit: 1,
    });
    if (held === undefined) throw new Error('the early organisation has the station');
    const edited = await editPlace(ports, coordinator.session, {
      placeId: held.id,
      ...station,
      nameEn: 'Renamed by the group',
    });
    expect(edited.ok).toBe(true);

    expect(await topUpShippedPlaces(ports)).toEqual({ organisations: 1, added: later.length });
    expect(await topUpShippedPlaces(ports)).toEqual({ organisations: 1, added: 0 });

    const all = await listPlaces(ports, coordinator.session, { kinds: [], query: '', limit: 1000 });
    expect(all).toHaveLength(shipped.length);
    expect(await findPlace(ports, coordinator.session, held.id)).toMatchObject({
      nameEn: 'Renamed by the group',
      verified: false,
    });
    expect(await auditActions(orgId)).toEqual([
      'organisation.created {"via":"cli","shippedPlaces":2}',
      'place.edited {"changed":"nameEn","wasVerified":true}',
      `place.shipped-added {"count":${later.length}}`,
    ]);
  });

  it('lets staff add and edit places, and admins and coordinators confirm them, all audited', async () => {
    const orgId = (await createOrganisation(ports, { name: 'Test group' })).id;
    const volunteer = await staff(orgId, ['volunteer']);
    const lawyer = await staff(orgId, ['lawyer']);
    const coordinator = await staff(orgId, ['coordinator']);
    const police = {
      kind: 'police-station' as const,
      nameRu: 'ОМВД по району Печатники',
      addressRu: 'Москва, ул. Шоссейная, 90',
      location: null,
      ...noLines,
    };

    await expect(addPlace(ports, volunteer.session, police)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const added = await addPlace(ports, lawyer.session, police);
    if (!added.ok) throw new Error('refused');
    expect(added.place).toMatchObject({
      nameEn: 'OMVD Po Rayonu Pechatniki',
      verified: false,
      confirmedBy: null,
    });
    const again = await addPlace(ports, lawyer.session, {
      ...police,
      nameRu: 'омвд по району печатники',
    });
    expect(again).toMatchObject({ ok: false, problems: [{ path: ['nameRu'] }] });
    const refused = await addPlace(ports, lawyer.session, { ...police, metroLines: ['10'] });
    expect(refused).toMatchObject({ ok: false, problems: [{ path: ['metroLines'] }] });

    await expect(confirmPlace(ports, lawyer.session, added.place.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    clock.advance(60_000);
    const confirmed = await confirmPlace(ports, coordinator.session, added.place.id);
    expect(confirmed).toMatchObject({
      verified: true,
      confirmedBy: coordinator.userId,
      confirmedAt: clock.now(),
    });

    const details = { ...police, nameEn: added.place.nameEn };
    const { kind: _kind, ...unchanged } = details;
    const same = await editPlace(ports, lawyer.session, { placeId: added.place.id, ...unchanged });
    expect(same).toMatchObject({ ok: true, place: { verified: true } });
    const moved = await editPlace(ports, lawyer.session, {
      placeId: added.place.id,
      ...unchanged,
      addressRu: 'Москва, ул. Шоссейная, 92',
    });
    expect(moved).toMatchObject({ ok: true, place: { verified: false, confirmedBy: null } });

    await expect(
      editPlace(ports, lawyer.session, { placeId: ports.ids.newId(), ...unchanged }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const elsewhere = (await createOrganisation(ports, { name: 'Other group' })).id;
    const outsider = await staff(elsewhere, ['coordinator']);
    await expect(confirmPlace(ports, outsider.session, added.place.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    expect((await auditActions(orgId)).slice(1)).toEqual([
      'place.added {"kind":"police-station"}',
      'place.confirmed {"kind":"police-station"}',
      'place.edited {"changed":"addressRu","wasVerified":true}',
    ]);
    expect((await verifyAuditLog(ports)).every((org) => org.chainBreak === null)).toBe(true);
  });

  it('keeps a shipped office unverified when its address is filled in, until it is confirmed', async () => {
    const orgId = (await createOrganisation(ports, { name: 'Test group' })).id;
    const operator = await staff(orgId, ['operator']);
    const admin = await staff(orgId, ['admin']);
    const [prosecutor] = await listPlaces(ports, operator.session, {
      kinds: ['military-prosecutor'],
      query: '',
      limit: 10,
    });
    if (prosecutor === undefined) throw new Error('the prosecutor’s office is shipped');

    const filled = await editPlace(ports, operator.session, {
      placeId: prosecutor.id,
      nameRu: prosecutor.nameRu,
      nameEn: prosecutor.nameEn,
      addressRu: 'Москва, адрес из ответа прокуратуры',
      location: { lat: 55.75, lon: 37.6 },
      ...noLines,
    });
    expect(filled).toMatchObject({
      ok: true,
      place: { verified: false, sourceKey: prosecutor.sourceKey },
    });
    const confirmed = await confirmPlace(ports, admin.session, prosecutor.id);
    expect(confirmed).toMatchObject({
      verified: true,
      addressRu: 'Москва, адрес из ответа прокуратуры',
    });
    expect(await topUpShippedPlaces(ports)).toEqual({ organisations: 1, added: 0 });
    expect(await findPlace(ports, operator.session, prosecutor.id)).toEqual(confirmed);
  });
});
