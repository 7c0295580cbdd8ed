import { readFileSync } from 'node:fs';
import type { DraftMatter } from '../../src/domain/cases/draft-matter.ts';
import { type DocumentFacts, documentFacts } from '../../src/domain/documents/document-facts.ts';
import type { Person } from '../../src/domain/persons/person.ts';
import type { Place, PlaceKind } from '../../src/domain/places/place.ts';
import type { TimelineEvent } from '../../src/domain/timeline/timeline-event.ts';

/**
 * The seed story of the rule pack's golden cases (seed-moscow-metro-2025) as plain facts for a
 * document: the example facts file shipped in docs/examples.
 */
export const seedStoryFactsFile = new URL(
  '../../docs/examples/seed-story.facts.json',
  import.meta.url,
);

export function seedStoryFacts(): DocumentFacts {
  return documentFacts.parse(JSON.parse(readFileSync(seedStoryFactsFile, 'utf8')));
}

const orgId = 'org-seed';
const caseId = 'case-seed';
const at = new Date('2025-10-18T12:00:00Z');

function place(id: string, kind: PlaceKind, nameRu: string, addressRu: string | null): Place {
  return {
    id,
    orgId,
    kind,
    nameRu,
    nameEn: nameRu,
    addressRu,
    location: null,
    metroLines: [],
    verified: false,
    confirmedBy: null,
    confirmedAt: null,
    sourceKey: null,
    createdAt: at,
    updatedAt: at,
  };
}

/** The seed story as a case holds it: the person, the draft matter, the timeline, the places. */
export const seedStoryCase = {
  persons: [
    {
      id: 'person-seed',
      orgId,
      caseId,
      fullName: 'Примеров Иван Сергеевич',
      birthDate: '2006-05-12',
      phone: null,
      notes: null,
      createdAt: at,
    },
  ] satisfies Person[],
  draftMatter: {
    draftDecision: {
      by: 'regional',
      madeOn: '2025-07-01',
      learnedOn: '2025-07-03',
      commission: 'призывная комиссия города Москвы',
    },
    deferments: [],
    appeals: [
      {
        id: 'appeal-seed',
        level: 'court',
        against: 'regional',
        filedDate: '2025-09-10',
        courtPlaceId: 'place-court',
        caseNumber: '2а-4821/2025',
        status: 'pending',
      },
    ],
    powerOfAttorney: {
      kind: 'notarised',
      issuedOn: '2025-09-05',
      lawyerName: 'Защитников Борис Андреевич',
    },
  } satisfies DraftMatter,
  timeline: [
    event('event-detained', 'detained', '2025-10-18T06:40:00Z', 'place-metro'),
    event('event-transferred', 'transferred', '2025-10-18T08:00:00Z', 'place-centre'),
    event('event-refused', 'lawyer-refused-entry', '2025-10-18T11:00:00Z', 'place-centre'),
  ],
  places: new Map<string, Place>([
    ['place-metro', { ...place('place-metro', 'metro-station', 'Тимирязевская', null) }],
    [
      'place-centre',
      place(
        'place-centre',
        'conscription-centre',
        'Сборный пункт на улице Угрешской',
        'Москва, ул. Угрешская',
      ),
    ],
    ['place-court', place('place-court', 'court', 'Кузьминский районный суд города Москвы', null)],
  ]),
  prosecutors: [
    place(
      'place-prosecutor',
      'military-prosecutor',
      'Военная прокуратура Московского гарнизона',
      null,
    ),
  ],
};

function event(
  id: string,
  kind: TimelineEvent['kind'],
  occurredAt: string,
  placeId: string,
): TimelineEvent {
  return {
    id,
    orgId,
    caseId,
    kind,
    occurredAt: new Date(occurredAt),
    placeId,
    powerOfAttorney: kind === 'lawyer-refused-entry' ? 'notarised' : null,
    note: null,
    recordedBy: null,
    recordedAt: new Date(occurredAt),
  };
}
