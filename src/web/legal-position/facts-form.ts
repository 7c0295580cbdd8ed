import type { EvaluateRulesRequest } from '../../contracts/rules.ts';
import { type CaseFacts, factProblems, type regions } from '../../domain/rules/case-facts.ts';
import type { Text } from '../../domain/rules/rule-pack.ts';

type Facts<K extends keyof CaseFacts> = NonNullable<CaseFacts[K]>;

export type Region = (typeof regions)[number];
export type CommissionLevel = Facts<'draftDecision'>['by'];
export type NoticeKind = Facts<'notice'>['kind'];
export type AppealLevel = Facts<'appeal'>['level'];
export type DetentionPlace = Facts<'detention'>['place'];
export type TakenTo = Facts<'detention'>['takenTo'];
export type PowerOfAttorney = Facts<'lawyer'>['powerOfAttorney'];
export type YesNo = 'yes' | 'no';

/** The choices the form offers, in the order shown; the contract's enums, restated for order. */
export const choices = {
  commissionLevels: ['municipal', 'regional'],
  noticeKinds: ['paper', 'electronic'],
  appealLevels: ['regional-commission', 'court'],
  detentionPlaces: ['metro', 'street', 'home', 'workplace'],
  takenTo: ['conscription-centre', 'police'],
  powersOfAttorney: ['notarised', 'simple', 'none'],
  yesNo: ['yes', 'no'],
} as const satisfies {
  commissionLevels: readonly CommissionLevel[];
  noticeKinds: readonly NoticeKind[];
  appealLevels: readonly AppealLevel[];
  detentionPlaces: readonly DetentionPlace[];
  takenTo: readonly TakenTo[];
  powersOfAttorney: readonly PowerOfAttorney[];
  yesNo: readonly YesNo[];
};

/** The groups of facts a hotline worker may or may not know; each is sent only when ticked. */
export const optionalSections = [
  'draftDecision',
  'notice',
  'appeal',
  'detention',
  'lawyer',
] as const;
export type OptionalSection = (typeof optionalSections)[number];

/** What the form holds: text as typed, '' for "not given". */
export type FactsForm = {
  open: Record<OptionalSection, boolean>;
  region: Region | '';
  birthDate: string;
  decisionBy: CommissionLevel | '';
  decisionMadeOn: string;
  decisionLearnedOn: string;
  noticeKind: NoticeKind | '';
  noticePosted: string;
  /** Signed for (paper) or reached the personal account (electronic), as the kind says. */
  noticeDelivered: string;
  noticeAppearance: string;
  appealLevel: AppealLevel | '';
  appealAgainst: CommissionLevel | '';
  appealFiled: string;
  appealPending: YesNo | '';
  /** As an <input type="datetime-local"> gives it: local time without an offset. */
  detentionAt: string;
  detentionPlace: DetentionPlace | '';
  detentionTakenTo: TakenTo | '';
  lawyerRefusedAt: string;
  powerOfAttorney: PowerOfAttorney | '';
  asOf: string;
};

export type FormField = Exclude<keyof FactsForm, 'open'>;

/** Where the contract puts each form field, as the server names it in a 400 (without `body.`). */
export const fieldPaths: Record<FormField, readonly string[]> = {
  region: ['facts.person.region'],
  birthDate: ['facts.person.birthDate'],
  decisionBy: ['facts.draftDecision.by'],
  decisionMadeOn: ['facts.draftDecision.madeOn'],
  decisionLearnedOn: ['facts.draftDecision.learnedOn'],
  noticeKind: ['facts.notice.kind'],
  noticePosted: ['facts.notice.postedToRegister'],
  noticeDelivered: ['facts.notice.signedFor', 'facts.notice.personalAccountDelivered'],
  noticeAppearance: ['facts.notice.appearanceDate'],
  appealLevel: ['facts.appeal.level'],
  appealAgainst: ['facts.appeal.against'],
  appealFiled: ['facts.appeal.filedDate'],
  appealPending: ['facts.appeal.pending'],
  detentionAt: ['facts.detention.at'],
  detentionPlace: ['facts.detention.place'],
  detentionTakenTo: ['facts.detention.takenTo'],
  lawyerRefusedAt: ['facts.lawyer.refusedEntry'],
  powerOfAttorney: ['facts.lawyer.powerOfAttorney'],
  asOf: ['asOf'],
};

/** A date in the user's own calendar, as <input type="date"> shows it. */
export function localToday(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function emptyForm(today: string): FactsForm {
  return {
    open: { draftDecision: false, notice: false, appeal: false, detention: false, lawyer: false },
    region: '',
    birthDate: '',
    decisionBy: '',
    decisionMadeOn: '',
    decisionLearnedOn: '',
    noticeKind: '',
    noticePosted: '',
    noticeDelivered: '',
    noticeAppearance: '',
    appealLevel: '',
    appealAgainst: '',
    appealFiled: '',
    appealPending: '',
    detentionAt: '',
    detentionPlace: '',
    detentionTakenTo: '',
    lawyerRefusedAt: '',
    powerOfAttorney: '',
    asOf: today,
  };
}

/**
 * The offset written into date-times. The rules count an event by its local day as written, and
 * compare instants only with each other, so the region's zone is enough: Sakhalin keeps UTC+11,
 * the other regions of the form (and, by default, any other) Moscow time, UTC+3. Neither
 * changes with the seasons.
 */
export function utcOffsetOf(region: Region | ''): string {
  return region === 'sakhalin' ? '+11:00' : '+03:00';
}

function dateTimeOf(local: string, region: Region | ''): string {
  const withSeconds = local.length === 16 ? `${local}:00` : local;
  return `${withSeconds}${utcOffsetOf(region)}`;
}

/** Why a field cannot be sent: left empty, or a fact that cannot be true (in both languages). */
export type FieldProblem = 'required' | Text;
export type FieldProblems = Partial<Record<FormField, FieldProblem>>;

export type Built =
  | { ok: true; request: EvaluateRulesRequest }
  | { ok: false; problems: FieldProblems };

/** Drops the keys of facts not given, so the request carries only what the user entered. */
function given<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined && entry !== ''),
  ) as T;
}

const formFieldOfPath = new Map(
  Object.entries(fieldPaths).flatMap(([field, paths]) =>
    paths.map((path) => [path, field as FormField] as const),
  ),
);

export function formFieldOf(path: string): FormField | undefined {
  return formFieldOfPath.get(path);
}

/**
 * The request for the facts entered, or what stops it: required fields of an opened section left
 * empty, then the impossibilities the server would refuse (the same check, from the domain).
 */
export function buildRequest(form: FactsForm): Built {
  const missing = new Set<FormField>();
  // Each section names the fields it cannot be sent without.
  function need<F extends FormField>(field: F): Exclude<FactsForm[F], ''> {
    if (form[field] === '') missing.add(field);
    return form[field] as Exclude<FactsForm[F], ''>;
  }
  const { open } = form;
  const person = given({
    region: form.region === '' ? undefined : form.region,
    birthDate: form.birthDate,
  });
  const facts: CaseFacts = given({
    person: Object.keys(person).length > 0 ? person : undefined,
    draftDecision: open.draftDecision
      ? given({
          by: need('decisionBy'),
          madeOn: need('decisionMadeOn'),
          learnedOn: form.decisionLearnedOn,
        })
      : undefined,
    notice: open.notice ? noticeFacts(form, need) : undefined,
    appeal: open.appeal
      ? {
          level: need('appealLevel'),
          against: need('appealAgainst'),
          filedDate: need('appealFiled'),
          pending: need('appealPending') === 'yes',
        }
      : undefined,
    detention: open.detention
      ? {
          at: dateTimeOf(need('detentionAt'), form.region),
          place: need('detentionPlace'),
          takenTo: need('detentionTakenTo'),
        }
      : undefined,
    lawyer: open.lawyer
      ? given({
          refusedEntry:
            form.lawyerRefusedAt === '' ? undefined : dateTimeOf(form.lawyerRefusedAt, form.region),
          powerOfAttorney: need('powerOfAttorney'),
        })
      : undefined,
  });
  if (missing.size > 0) {
    return {
      ok: false,
      problems: Object.fromEntries([...missing].map((field) => [field, 'required'])),
    };
  }
  const asOf = form.asOf === '' ? undefined : form.asOf;
  const impossible: FieldProblems = {};
  for (const problem of factProblems(facts, asOf)) {
    const field = formFieldOf(['facts', ...problem.path].join('.'));
    if (field !== undefined) impossible[field] ??= problem.message;
  }
  if (Object.keys(impossible).length > 0) return { ok: false, problems: impossible };
  return { ok: true, request: given({ facts, asOf }) };
}

function noticeFacts(
  form: FactsForm,
  need: <F extends FormField>(field: F) => Exclude<FactsForm[F], ''>,
): CaseFacts['notice'] {
  const kind = need('noticeKind');
  return given({
    kind,
    postedToRegister: form.noticePosted,
    signedFor: kind === 'paper' ? form.noticeDelivered : undefined,
    personalAccountDelivered: kind === 'electronic' ? form.noticeDelivered : undefined,
    appearanceDate: form.noticeAppearance,
  });
}

/**
 * The form filled with a case's facts, as the case page knows them: the sections with facts are
 * opened, date-times shown as written (their offset is the region's, which the form adds back).
 */
export function formOf(facts: CaseFacts, today: string): FactsForm {
  const empty = emptyForm(today);
  const { person, draftDecision, notice, appeal, detention, lawyer } = facts;
  const wallClock = (dateTime: string | undefined) => dateTime?.slice(0, 16) ?? '';
  return {
    ...empty,
    open: {
      draftDecision: draftDecision !== undefined,
      notice: notice !== undefined,
      appeal: appeal !== undefined,
      detention: detention !== undefined,
      lawyer: lawyer !== undefined,
    },
    region: person?.region ?? '',
    birthDate: person?.birthDate ?? '',
    decisionBy: draftDecision?.by ?? '',
    decisionMadeOn: draftDecision?.madeOn ?? '',
    decisionLearnedOn: draftDecision?.learnedOn ?? '',
    noticeKind: notice?.kind ?? '',
    noticePosted: notice?.postedToRegister ?? '',
    noticeDelivered: notice?.signedFor ?? notice?.personalAccountDelivered ?? '',
    noticeAppearance: notice?.appearanceDate ?? '',
    appealLevel: appeal?.level ?? '',
    appealAgainst: appeal?.against ?? '',
    appealFiled: appeal?.filedDate ?? '',
    appealPending: appeal === undefined ? '' : appeal.pending ? 'yes' : 'no',
    detentionAt: wallClock(detention?.at),
    detentionPlace: detention?.place ?? '',
    detentionTakenTo: detention?.takenTo ?? '',
    lawyerRefusedAt: wallClock(lawyer?.refusedEntry),
    powerOfAttorney: lawyer?.powerOfAttorney ?? '',
  };
}
