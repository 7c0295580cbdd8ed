import type { PlaceResponse } from '../../contracts/places.ts';

const shippedAt = '2026-11-29T10:00:00.000Z';

/** Places as the API sends them: shipped stations and offices, and one a lawyer added. */
export const avtozavodskaya: PlaceResponse = {
  id: '0190b8a0-0000-7000-8000-00000000a001',
  kind: 'metro-station',
  nameRu: 'Автозаводская',
  nameEn: 'Avtozavodskaya',
  addressRu: null,
  location: { lat: 55.707345, lon: 37.657768 },
  metroLines: [],
  verified: true,
  confirmedBy: null,
  confirmedAt: null,
  sourceKey: 'osm:node/292146578',
  createdAt: shippedAt,
  updatedAt: shippedAt,
};

export const shosseEntuziastov: PlaceResponse = {
  ...avtozavodskaya,
  id: '0190b8a0-0000-7000-8000-00000000a002',
  nameRu: 'Шоссе Энтузиастов',
  nameEn: 'Shosse Entuziastov',
  location: { lat: 55.758, lon: 37.751 },
  sourceKey: 'osm:node/1',
};

export const assemblyPoint: PlaceResponse = {
  ...avtozavodskaya,
  id: '0190b8a0-0000-7000-8000-00000000a003',
  kind: 'conscription-centre',
  nameRu: 'Сборный пункт на улице Угрешской',
  nameEn: 'Assembly point on Ugreshskaya Street',
  addressRu: 'Москва, ул. Угрешская',
  location: null,
  verified: false,
  sourceKey: 'habeas:moscow/ugreshskaya-assembly-point',
};

export const pechatnikiPolice: PlaceResponse = {
  ...avtozavodskaya,
  id: '0190b8a0-0000-7000-8000-00000000a004',
  kind: 'police-station',
  nameRu: 'ОМВД по району Печатники',
  nameEn: 'OMVD Pechatniki',
  addressRu: 'Москва, ул. Шоссейная, 90',
  location: null,
  verified: true,
  confirmedBy: '0190b8a0-0000-7000-8000-000000000003',
  confirmedAt: '2026-11-28T09:00:00.000Z',
  sourceKey: null,
};

export const garrisonProsecutor: PlaceResponse = {
  ...assemblyPoint,
  id: '0190b8a0-0000-7000-8000-00000000a005',
  kind: 'military-prosecutor',
  nameRu: 'Военная прокуратура Московского гарнизона',
  nameEn: "Military Prosecutor's Office of the Moscow Garrison",
  addressRu: null,
  sourceKey: 'habeas:moscow/military-prosecutor-moscow-garrison',
};

/** The path the API client asks for, query encoded as the browser does. */
export function placesPath(kinds: string[], query?: string): string {
  const params = new URLSearchParams();
  for (const kind of kinds) params.append('kind', kind);
  if (query !== undefined) params.set('q', query);
  const search = params.toString();
  return search === '' ? '/api/v1/places' : `/api/v1/places?${search}`;
}
