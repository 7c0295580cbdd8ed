import type { FactProblem } from '../rules/case-facts.ts';
import {
  custodyEventKinds,
  scheduledEventKinds,
  type TimelineEvent,
  type TimelineEventKind,
} from './timeline-event.ts';

/** Clocks of phones and servers disagree by a little; more than this is a typing error. */
const allowedClockSkewMs = 5 * 60 * 1000;

export type ProposedEvent = Pick<TimelineEvent, 'kind' | 'occurredAt' | 'powerOfAttorney'>;

type Context = {
  /** The case's events so far, excluding the proposed one. */
  earlier: readonly Pick<TimelineEvent, 'kind' | 'occurredAt'>[];
  now: Date;
  /** When the case's court appeals or complaints against the draft decision were filed. */
  appealsFiledAt: readonly Date[];
};

function firstOf(
  events: Context['earlier'],
  kinds: readonly TimelineEventKind[],
): Date | undefined {
  const times = events
    .filter((event) => kinds.includes(event.kind))
    .map((event) => event.occurredAt.getTime());
  return times.length === 0 ? undefined : new Date(Math.min(...times));
}

const lawyerKinds: readonly TimelineEventKind[] = [
  'lawyer-arrived',
  'lawyer-refused-entry',
  'lawyer-admitted',
];

/**
 * What cannot be true of an event, given the case so far: events in the future (except a
 * hearing, which is planned), custody events with no detention before them, a hearing before any
 * appeal was filed, an answer to a complaint never sent. The domain refuses these whatever the
 * client checked, so the timeline a court may see stays consistent.
 */
export function timelineEventProblems(event: ProposedEvent, context: Context): FactProblem[] {
  const problems: FactProblem[] = [];
  const at = event.occurredAt.getTime();
  if (
    !scheduledEventKinds.includes(event.kind) &&
    at > context.now.getTime() + allowedClockSkewMs
  ) {
    problems.push({
      path: ['occurredAt'],
      message: {
        ru: 'Это событие ещё не могло произойти: время в будущем.',
        en: 'This event cannot have happened yet: the time is in the future.',
      },
    });
  }
  if (custodyEventKinds.includes(event.kind)) {
    const detained = firstOf(context.earlier, ['detained']);
    if (detained === undefined || at < detained.getTime()) {
      problems.push({
        path: ['occurredAt'],
        message:
          detained === undefined
            ? {
                ru: 'Сначала отметьте задержание: это событие бывает только после него.',
                en: 'Record the detention first: this event only follows one.',
              }
            : {
                ru: 'Это событие не может быть раньше задержания.',
                en: 'This event cannot be before the detention.',
              },
      });
    }
  }
  if (event.kind === 'hearing') {
    const appealFiled = firstOf(
      [
        ...context.earlier,
        ...context.appealsFiledAt.map((occurredAt) => ({
          kind: 'appeal-filed' as const,
          occurredAt,
        })),
      ],
      ['appeal-filed'],
    );
    if (appealFiled === undefined || at < appealFiled.getTime()) {
      problems.push({
        path: ['occurredAt'],
        message:
          appealFiled === undefined
            ? {
                ru: 'Заседание бывает только по поданному иску: сначала отметьте подачу.',
                en: 'A hearing follows a filed appeal: record the appeal first.',
              }
            : {
                ru: 'Заседание не может быть раньше подачи иска.',
                en: 'The hearing cannot be before the appeal was filed.',
              },
      });
    }
  }
  if (event.kind === 'answer-received') {
    const sent = firstOf(context.earlier, ['complaint-sent']);
    if (sent === undefined || at < sent.getTime()) {
      problems.push({
        path: ['occurredAt'],
        message: {
          ru: 'Ответ не может прийти раньше, чем отправлена жалоба.',
          en: 'An answer cannot arrive before the complaint was sent.',
        },
      });
    }
  }
  if (event.powerOfAttorney !== null && !lawyerKinds.includes(event.kind)) {
    problems.push({
      path: ['powerOfAttorney'],
      message: {
        ru: 'Доверенность указывается только для событий с адвокатом.',
        en: 'A power of attorney belongs only to the lawyer events.',
      },
    });
  }
  return problems;
}
