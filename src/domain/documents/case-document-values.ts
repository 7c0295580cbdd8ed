import type { CourtAppeal, DraftMatter } from '../cases/draft-matter.ts';
import type { Person } from '../persons/person.ts';
import type { Place } from '../places/place.ts';
import { type CalendarDate, compareDates, moscowDateOf } from '../rules/calendar-date.ts';
import type { CaseFacts, noticeDefects } from '../rules/case-facts.ts';
import type { Finding } from '../rules/evaluate.ts';
import { inTimelineOrder, type TimelineEvent } from '../timeline/timeline-event.ts';
import type { DocumentValues } from './document-field.ts';
import { groundsText } from './document-grounds.ts';
import type { DocumentTemplate } from './document-template.ts';

/** What a case holds that a document may be filled from, opened by the caller. */
export type CaseForDocument = {
  persons: readonly Person[];
  draftMatter: DraftMatter;
  timeline: readonly TimelineEvent[];
  /** Places the timeline and the appeals name, by id. */
  places: ReadonlyMap<string, Place>;
  /** The organisation's military prosecutor's offices, in the order it would pick them. */
  prosecutors: readonly Place[];
  findings: readonly Finding[];
  today: CalendarDate;
};

const noticeDefectPhrases: Record<(typeof noticeDefects)[number], string> = {
  'full-name': 'не указаны фамилия, имя и отчество',
  'date-and-hour': 'не указаны дата и время явки',
  reason: 'не указана цель вызова',
  'commissariat-address': 'не указаны наименование и адрес военного комиссариата',
  'commissar-signature': 'нет подписи военного комиссара',
  stamp: 'нет печати военного комиссариата',
};

function moscowTime(instant: Date): string {
  return new Date(instant.getTime() + 3 * 3_600_000).toISOString().slice(11, 16);
}

function placeDescription(place: Place): string {
  return place.kind === 'metro-station' ? `станция метро «${place.nameRu}»` : place.nameRu;
}

/** The appeal a document speaks of: a pending court claim first, else the latest filed. */
function appealOf(appeals: readonly CourtAppeal[]): CourtAppeal | undefined {
  const byFiling = [...appeals].sort((a, b) => compareDates(b.filedDate, a.filedDate));
  return (
    byFiling.find((appeal) => appeal.status === 'pending' && appeal.level === 'court') ??
    byFiling.find((appeal) => appeal.status === 'pending') ??
    byFiling[0]
  );
}

function defined(entries: [keyof DocumentValues, string | null | undefined][]): DocumentValues {
  return Object.fromEntries(
    entries.filter((entry): entry is [keyof DocumentValues, string] => {
      const value = entry[1];
      return typeof value === 'string' && value.trim() !== '';
    }),
  );
}

/**
 * The values a template can take from a case, for the lawyer to review and complete: the
 * conscript, the power of attorney, the latest detention and where he was taken, the latest
 * refusal at the door, the draft decision, the appeal and its court, the military prosecutor's
 * office from the places list, the notice's defects, and the grounds from the rules' findings. What the case
 * does not know is left out, so the lawyer sees exactly what is missing.
 */
export function documentValuesOfCase(
  template: DocumentTemplate,
  input: CaseForDocument,
): DocumentValues {
  const { draftMatter, places } = input;
  const person = input.persons[0];
  const events = inTimelineOrder(input.timeline);
  const detention = events.filter((event) => event.kind === 'detained').at(-1);
  const refusal = events.filter((event) => event.kind === 'lawyer-refused-entry').at(-1);
  const centre = events
    .map((event) => (event.placeId === null ? undefined : places.get(event.placeId)))
    .filter((place) => place?.kind === 'conscription-centre')
    .at(-1);
  const detentionPlace =
    detention?.placeId === null || detention === undefined
      ? undefined
      : places.get(detention.placeId);
  const appeal = appealOf(draftMatter.appeals);
  const court = appeal?.courtPlaceId === undefined ? undefined : places.get(appeal.courtPlaceId);
  const prosecutor = input.prosecutors.find((place) => place.verified) ?? input.prosecutors[0];
  const power = draftMatter.powerOfAttorney;
  // Only the recorded power of attorney says it was notarised, and on which date.
  const notarised = power?.kind === 'notarised';
  const defects = draftMatter.notice?.missing ?? [];

  return defined([
    ['applicant.fullName', person?.fullName],
    ['applicant.birthDate', person?.birthDate],
    ['representative.fullName', power?.lawyerName],
    ['powerOfAttorney.issuedOn', power?.issuedOn],
    ['powerOfAttorney.notarisedOn', notarised ? power?.issuedOn : undefined],
    ['detention.date', detention ? moscowDateOf(detention.occurredAt) : undefined],
    ['detention.time', detention ? moscowTime(detention.occurredAt) : undefined],
    ['detention.place', detentionPlace ? placeDescription(detentionPlace) : undefined],
    ['centre.name', centre?.nameRu],
    ['centre.address', centre?.addressRu],
    ['refusal.date', refusal ? moscowDateOf(refusal.occurredAt) : undefined],
    ['refusal.time', refusal ? moscowTime(refusal.occurredAt) : undefined],
    ['decision.commission', draftMatter.draftDecision?.commission],
    ['decision.date', draftMatter.draftDecision?.madeOn],
    ['decision.learnedOn', draftMatter.draftDecision?.learnedOn],
    ['court.name', court?.nameRu],
    ['court.address', court?.addressRu],
    ['court.caseNumber', appeal?.caseNumber],
    ['appeal.filedDate', appeal?.filedDate],
    ['prosecutor.name', prosecutor?.nameRu],
    ['prosecutor.address', prosecutor?.addressRu],
    ['notice.defects', defects.map((defect) => noticeDefectPhrases[defect]).join('; ')],
    ['grounds', groundsText(template.cites, input.findings)],
    ['document.date', input.today],
  ]);
}

/** Only the fields the template reads: a document stores no value it does not print. */
export function valuesForTemplate(
  template: DocumentTemplate,
  values: DocumentValues,
): DocumentValues {
  const fields = new Set<string>([...template.requires, ...template.optional]);
  return Object.fromEntries(Object.entries(values).filter(([field]) => fields.has(field)));
}

/**
 * A detention as the rules read it, when the timeline says enough: the latest detention at a
 * metro station, and a later event at a conscription centre or a police station saying where he
 * was taken. Anything less is left out rather than guessed; the lawyer can record a legal
 * position that describes the detention.
 */
export function detentionFactsOf(
  timeline: readonly TimelineEvent[],
  places: ReadonlyMap<string, Place>,
): CaseFacts['detention'] {
  const events = inTimelineOrder(timeline);
  const detained = events.filter((event) => event.kind === 'detained').at(-1);
  if (detained?.placeId === null || detained === undefined) return undefined;
  if (places.get(detained.placeId)?.kind !== 'metro-station') return undefined;
  const takenTo = events
    .filter((event) => event.occurredAt.getTime() >= detained.occurredAt.getTime())
    .map((event) => (event.placeId === null ? undefined : places.get(event.placeId)?.kind))
    .find((kind) => kind === 'conscription-centre' || kind === 'police-station');
  if (takenTo === undefined) return undefined;
  return {
    at: `${moscowDateOf(detained.occurredAt)}T${moscowTime(detained.occurredAt)}:00+03:00`,
    place: 'metro',
    takenTo: takenTo === 'conscription-centre' ? 'conscription-centre' : 'police',
  };
}
