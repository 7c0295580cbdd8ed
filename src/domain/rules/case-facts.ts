import { z } from 'zod';
import { type CalendarDate, compareDates, localDateOf } from './calendar-date.ts';

const date = z.iso.date();
/** With its offset, so that the local day of the event is known (see localDateOf). */
const dateTime = z.iso.datetime({ offset: true });

export const regions = ['moscow', 'mari-el', 'ryazan', 'sakhalin', 'other'] as const;

/** What a notice may lack, against the form of Decree 663 Appendix 1 and PRO-03. */
export const noticeDefects = [
  'full-name',
  'date-and-hour',
  'reason',
  'commissariat-address',
  'commissar-signature',
  'stamp',
] as const;

/**
 * The facts of one case that the rules read. Only what a rule needs, all optional: a rule whose
 * facts are missing stays silent rather than guessing. Dates are calendar dates (YYYY-MM-DD).
 */
export const caseFacts = z
  .strictObject({
    person: z
      .strictObject({
        birthDate: date.optional(),
        region: z.enum(regions).optional(),
      })
      .optional(),
    notice: z
      .strictObject({
        kind: z.enum(['paper', 'electronic']),
        /** What the notice calls him for: it decides which offence a non-appearance is. */
        purpose: z.enum(['clarify-data', 'medical-exam', 'commission', 'dispatch']).optional(),
        postedToRegister: date.optional(),
        personalAccountDelivered: date.optional(),
        signedFor: date.optional(),
        mailDelivered: date.optional(),
        refusedOn: date.optional(),
        appearanceDate: date.optional(),
        /** true: he came; false: he did not; absent: not known (yet). */
        appeared: z.boolean().optional(),
        missing: z.array(z.enum(noticeDefects)).optional(),
      })
      .optional(),
    draftDecision: z
      .strictObject({
        by: z.enum(['municipal', 'regional']),
        madeOn: date,
        learnedOn: date.optional(),
      })
      .optional(),
    appeal: z
      .strictObject({
        level: z.enum(['regional-commission', 'court']),
        against: z.enum(['municipal', 'regional']),
        filedDate: date,
        pending: z.boolean(),
      })
      .optional(),
    detention: z
      .strictObject({
        at: dateTime,
        place: z.enum(['metro', 'street', 'home', 'workplace']),
        takenTo: z.enum(['conscription-centre', 'police']),
      })
      .optional(),
    lawyer: z
      .strictObject({
        refusedEntry: dateTime.optional(),
        powerOfAttorney: z.enum(['notarised', 'simple', 'none']),
      })
      .optional(),
    complaint: z
      .strictObject({
        sentTo: z.enum([
          'military-prosecutor',
          'territorial-prosecutor',
          'military-commissariat',
          'regional-commission',
        ]),
        receivedOn: date.optional(),
        registeredOn: date.optional(),
        /** The head of the body extended the period and told the applicant (59-FZ art. 12 part 2). */
        extended: z.boolean().optional(),
      })
      .optional(),
  })
  .meta({ id: 'CaseFacts' });
export type CaseFacts = z.infer<typeof caseFacts>;

/** A fact that cannot be true; `path` names the field, as a contract error would. */
export type FactProblem = {
  path: (string | number)[];
  message: { ru: string; en: string };
};

type DatedFact = { path: [string, string]; date: CalendarDate | undefined; ru: string };

/** Every fact that is an event which has already happened, as of the evaluation date. */
function pastEvents(facts: CaseFacts): DatedFact[] {
  const { person, notice, draftDecision, appeal, detention, lawyer, complaint } = facts;
  return [
    { path: ['person', 'birthDate'], date: person?.birthDate, ru: 'дата рождения' },
    {
      path: ['notice', 'postedToRegister'],
      date: notice?.postedToRegister,
      ru: 'дата размещения повестки в реестре',
    },
    {
      path: ['notice', 'personalAccountDelivered'],
      date: notice?.personalAccountDelivered,
      ru: 'дата поступления повестки в личный кабинет',
    },
    { path: ['notice', 'signedFor'], date: notice?.signedFor, ru: 'дата вручения под расписку' },
    {
      path: ['notice', 'mailDelivered'],
      date: notice?.mailDelivered,
      ru: 'дата вручения заказного письма',
    },
    { path: ['notice', 'refusedOn'], date: notice?.refusedOn, ru: 'дата отказа от повестки' },
    {
      path: ['draftDecision', 'madeOn'],
      date: draftDecision?.madeOn,
      ru: 'дата решения о призыве',
    },
    {
      path: ['draftDecision', 'learnedOn'],
      date: draftDecision?.learnedOn,
      ru: 'дата, когда он узнал о решении',
    },
    { path: ['appeal', 'filedDate'], date: appeal?.filedDate, ru: 'дата подачи жалобы или иска' },
    {
      path: ['detention', 'at'],
      date: detention ? localDateOf(detention.at) : undefined,
      ru: 'дата задержания',
    },
    {
      path: ['lawyer', 'refusedEntry'],
      date: lawyer?.refusedEntry ? localDateOf(lawyer.refusedEntry) : undefined,
      ru: 'дата недопуска адвоката',
    },
    {
      path: ['complaint', 'receivedOn'],
      date: complaint?.receivedOn,
      ru: 'дата поступления обращения',
    },
    {
      path: ['complaint', 'registeredOn'],
      date: complaint?.registeredOn,
      ru: 'дата регистрации обращения',
    },
  ];
}

/** True when both facts are known and `later` falls before `earlier`. */
function outOfOrder(earlier: string | undefined, later: string | undefined): boolean {
  return earlier !== undefined && later !== undefined && compareDates(later, earlier) < 0;
}

/** Instants with their offsets: compared on the time line, not as written. */
function instantOutOfOrder(earlier: string | undefined, later: string | undefined): boolean {
  return earlier !== undefined && later !== undefined && Date.parse(later) < Date.parse(earlier);
}

type Order = {
  /** The field reported as wrong. */
  later: [string, string];
  wrong(facts: CaseFacts): boolean;
  ru: string;
  en: string;
};

/** Pairs of facts whose order the world fixes. */
const orders: Order[] = [
  {
    later: ['notice', 'appearanceDate'],
    wrong: ({ notice }) => outOfOrder(notice?.postedToRegister, notice?.appearanceDate),
    ru: 'Дата явки не может быть раньше размещения повестки в реестре.',
    en: 'The appearance date cannot be before the notice was posted to the register.',
  },
  {
    later: ['notice', 'personalAccountDelivered'],
    wrong: ({ notice }) => outOfOrder(notice?.postedToRegister, notice?.personalAccountDelivered),
    ru: 'Повестка не может поступить в личный кабинет раньше, чем размещена в реестре.',
    en: 'The notice cannot reach the personal account before it was posted to the register.',
  },
  {
    later: ['detention', 'at'],
    wrong: ({ person, detention }) =>
      outOfOrder(person?.birthDate, detention ? localDateOf(detention.at) : undefined),
    ru: 'Задержание не может произойти раньше рождения.',
    en: 'The detention cannot be before the birth date.',
  },
  {
    later: ['draftDecision', 'learnedOn'],
    wrong: ({ draftDecision }) => outOfOrder(draftDecision?.madeOn, draftDecision?.learnedOn),
    ru: 'Узнать о решении раньше, чем оно принято, нельзя.',
    en: 'He cannot have learned of the decision before it was made.',
  },
  {
    later: ['appeal', 'filedDate'],
    wrong: ({ draftDecision, appeal }) => outOfOrder(draftDecision?.madeOn, appeal?.filedDate),
    ru: 'Обжаловать решение раньше, чем оно принято, нельзя.',
    en: 'The appeal cannot be filed before the decision was made.',
  },
  {
    later: ['lawyer', 'refusedEntry'],
    wrong: ({ detention, lawyer }) => instantOutOfOrder(detention?.at, lawyer?.refusedEntry),
    ru: 'Адвоката не могли не допустить к задержанному раньше задержания.',
    en: 'The lawyer cannot have been refused entry before the detention.',
  },
  {
    later: ['complaint', 'registeredOn'],
    wrong: ({ complaint }) => outOfOrder(complaint?.receivedOn, complaint?.registeredOn),
    ru: 'Обращение не может быть зарегистрировано раньше, чем поступило.',
    en: 'The complaint cannot be registered before it was received.',
  },
];

/**
 * Facts that cannot be true: events in the wrong order, or (when `asOf` is given) events after
 * the date of evaluation. Evaluation refuses such facts, naming each field.
 */
export function factProblems(facts: CaseFacts, asOf?: CalendarDate): FactProblem[] {
  const problems: FactProblem[] = orders
    .filter((order) => order.wrong(facts))
    .map((order) => ({ path: order.later, message: { ru: order.ru, en: order.en } }));
  if (asOf !== undefined) {
    for (const event of pastEvents(facts)) {
      if (event.date !== undefined && compareDates(event.date, asOf) > 0) {
        problems.push({
          path: event.path,
          message: {
            ru: `Поле «${event.ru}» (${event.path.join('.')}) позже даты расчёта ${asOf}.`,
            en: `${event.path.join('.')} is after the evaluation date ${asOf}.`,
          },
        });
      }
    }
  }
  return problems;
}
