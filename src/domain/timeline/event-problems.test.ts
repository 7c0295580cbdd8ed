import { describe, expect, it } from 'vitest';
import { type ProposedEvent, timelineEventProblems } from './event-problems.ts';
import type { TimelineEventKind } from './timeline-event.ts';

type EarlierEvent = { kind: TimelineEventKind; occurredAt: Date };

const now = new Date('2026-11-20T12:00:00Z');
const detainedAt = new Date('2026-11-20T08:00:00Z');

function problemsOf(
  event: Partial<ProposedEvent>,
  earlier: EarlierEvent[] = [{ kind: 'detained', occurredAt: detainedAt }],
  appealsFiledAt: Date[] = [],
) {
  return timelineEventProblems(
    { kind: 'note', occurredAt: now, powerOfAttorney: null, ...event },
    { earlier, now, appealsFiledAt },
  ).map((problem) => problem.message.en);
}

describe('timeline event problems', () => {
  it('accepts a transfer after the detention', () => {
    expect(
      problemsOf({ kind: 'transferred', occurredAt: new Date('2026-11-20T09:00:00Z') }),
    ).toEqual([]);
  });

  it('refuses a transfer before the detention', () => {
    expect(
      problemsOf({ kind: 'transferred', occurredAt: new Date('2026-11-20T07:00:00Z') }),
    ).toEqual(['This event cannot be before the detention.']);
  });

  it('refuses a release when no detention was recorded', () => {
    expect(problemsOf({ kind: 'released' }, [])).toEqual([
      'Record the detention first: this event only follows one.',
    ]);
  });

  it('refuses an event in the future but allows the clocks to disagree by minutes', () => {
    expect(problemsOf({ occurredAt: new Date('2026-11-20T12:04:00Z') })).toEqual([]);
    expect(problemsOf({ occurredAt: new Date('2026-11-21T12:00:00Z') })).toEqual([
      'This event cannot have happened yet: the time is in the future.',
    ]);
  });

  it('accepts a future hearing on a filed appeal and refuses one before the filing', () => {
    const filed = [new Date('2026-10-01T00:00:00Z')];
    expect(
      problemsOf({ kind: 'hearing', occurredAt: new Date('2026-12-10T10:00:00Z') }, [], filed),
    ).toEqual([]);
    expect(
      problemsOf({ kind: 'hearing', occurredAt: new Date('2026-09-10T10:00:00Z') }, [], filed),
    ).toEqual(['The hearing cannot be before the appeal was filed.']);
  });

  it('takes the filing from the timeline when the appeal was recorded as an event', () => {
    const earlier = [
      { kind: 'appeal-filed' as const, occurredAt: new Date('2026-10-01T00:00:00Z') },
    ];
    expect(
      problemsOf({ kind: 'hearing', occurredAt: new Date('2026-10-20T10:00:00Z') }, earlier),
    ).toEqual([]);
    expect(problemsOf({ kind: 'hearing' }, [])).toEqual([
      'A hearing follows a filed appeal: record the appeal first.',
    ]);
  });

  it('refuses an answer before the complaint was sent', () => {
    const earlier = [
      { kind: 'complaint-sent' as const, occurredAt: new Date('2026-11-10T10:00:00Z') },
    ];
    expect(
      problemsOf(
        { kind: 'answer-received', occurredAt: new Date('2026-11-09T10:00:00Z') },
        earlier,
      ),
    ).toEqual(['An answer cannot arrive before the complaint was sent.']);
    expect(problemsOf({ kind: 'answer-received' }, earlier)).toEqual([]);
  });

  it('keeps the power of attorney to the lawyer events', () => {
    expect(problemsOf({ kind: 'lawyer-refused-entry', powerOfAttorney: 'notarised' })).toEqual([]);
    expect(problemsOf({ kind: 'note', powerOfAttorney: 'notarised' })).toEqual([
      'A power of attorney belongs only to the lawyer events.',
    ]);
  });

  it('says every problem in Russian too', () => {
    const [problem] = timelineEventProblems(
      { kind: 'released', occurredAt: now, powerOfAttorney: null },
      { earlier: [], now, appealsFiledAt: [] },
    );
    expect(problem?.message.ru).toBe(
      'Сначала отметьте задержание: это событие бывает только после него.',
    );
  });
});
