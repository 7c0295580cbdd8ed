import { describe, expect, it } from 'vitest';
import { loadCurrentRulePack } from '../../adapters/rules/rule-pack-loader.ts';
import type { CaseFacts } from '../rules/case-facts.ts';
import { evaluate, type Finding } from '../rules/evaluate.ts';
import type { CaseTaskFrame } from './case-task.ts';
import { dayWindow, dueTasks, taskBucket, upcomingDeadlines } from './my-day.ts';

const moscow = 180;

function buildFrame(id: string, dueAt: string, status: 'open' | 'done' = 'open'): CaseTaskFrame {
  return {
    id,
    orgId: 'org-1',
    caseId: 'case-1',
    dueAt: new Date(dueAt),
    assigneeId: null,
    status,
    doneAt: null,
    doneBy: null,
    createdBy: 'user-1',
    createdAt: new Date('2026-11-01T00:00:00Z'),
  };
}

describe('the reader’s day', () => {
  it('starts at midnight on the reader’s clock, not at midnight UTC', () => {
    // 22:30 UTC on the 29th is already the 30th in Moscow.
    const window = dayWindow(new Date('2026-11-29T22:30:00Z'), moscow);
    expect(window).toEqual({
      today: '2026-11-30',
      startOfToday: new Date('2026-11-29T21:00:00Z'),
      startOfTomorrow: new Date('2026-11-30T21:00:00Z'),
      end: new Date('2026-12-07T21:00:00Z'),
      lastDay: '2026-12-07',
    });
    expect(dayWindow(new Date('2026-11-29T22:30:00Z'), -300).today).toBe('2026-11-29');
  });

  it('sorts a task as overdue, due today, due within seven days, or beyond', () => {
    const window = dayWindow(new Date('2026-11-30T09:00:00Z'), moscow);
    const at = (iso: string) => taskBucket(new Date(iso), window);
    expect(at('2026-11-29T20:59:59Z')).toBe('overdue');
    expect(at('2026-11-29T21:00:00Z')).toBe('today');
    expect(at('2026-11-30T08:00:00Z')).toBe('today');
    expect(at('2026-11-30T21:00:00Z')).toBe('soon');
    expect(at('2026-12-07T20:59:59Z')).toBe('soon');
    expect(at('2026-12-07T21:00:00Z')).toBeNull();
  });

  it('lists the open tasks in reach by due time, leaving out done ones', () => {
    const window = dayWindow(new Date('2026-11-30T09:00:00Z'), moscow);
    const tasks = [
      buildFrame('c', '2026-12-03T07:00:00Z'),
      buildFrame('a', '2026-11-20T07:00:00Z'),
      buildFrame('done', '2026-11-30T07:00:00Z', 'done'),
      buildFrame('b', '2026-11-30T15:00:00Z'),
      buildFrame('far', '2026-12-20T07:00:00Z'),
      buildFrame('b2', '2026-11-30T15:00:00Z'),
    ];
    expect(dueTasks(tasks, window).map((task) => [task.id, task.bucket])).toEqual([
      ['a', 'overdue'],
      ['b', 'today'],
      ['b2', 'today'],
      ['c', 'soon'],
    ]);
  });
});

describe('deadlines of the law on the reader’s day', () => {
  const pack = loadCurrentRulePack('ru-conscription');

  function findingsFor(facts: CaseFacts, asOf: string): Finding[] {
    const result = evaluate(pack, facts, asOf);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.evaluation.findings;
  }

  it('takes the dated deadlines from today to the seventh day, with their rule', () => {
    const window = dayWindow(new Date('2026-11-29T09:00:00Z'), moscow);
    const findings = findingsFor(
      {
        draftDecision: { by: 'municipal', madeOn: '2026-09-01' },
        complaint: {
          sentTo: 'military-prosecutor',
          receivedOn: '2026-11-01',
          registeredOn: '2026-11-02',
        },
      },
      window.today,
    );
    const deadlines = upcomingDeadlines('case-1', findings, window);
    expect(
      deadlines.map(({ ruleId, outcomeId, date, bucket }) => [ruleId, outcomeId, date, bucket]),
    ).toEqual([
      ['APL-01', 'regional-commission-deadline', '2026-12-01', 'soon'],
      ['APL-11', 'court-deadline', '2026-12-01', 'soon'],
      ['CPL-02', 'answer-due', '2026-12-02', 'soon'],
    ]);
    expect(deadlines[2]).toMatchObject({
      caseId: 'case-1',
      versionId: '59-fz',
      title: { ru: 'Ответ на обращение в течение 30 дней' },
      label: { ru: 'Ответ не позднее', en: 'Answer due by' },
      confidence: 'high',
    });
    expect(deadlines[2]?.ruleStatement.ru).toContain('ст. 12');
  });

  it('leaves out passed deadlines, those past the horizon, and dated findings of other kinds', () => {
    const facts: CaseFacts = {
      complaint: { sentTo: 'military-prosecutor', registeredOn: '2026-11-02' },
    };
    const onTheDay = dayWindow(new Date('2026-12-02T09:00:00Z'), moscow);
    expect(
      upcomingDeadlines('case-1', findingsFor(facts, onTheDay.today), onTheDay).map(
        (deadline) => deadline.bucket,
      ),
    ).toEqual(['today']);
    const dayAfter = dayWindow(new Date('2026-12-03T09:00:00Z'), moscow);
    expect(upcomingDeadlines('case-1', findingsFor(facts, dayAfter.today), dayAfter)).toEqual([]);
    const early = dayWindow(new Date('2026-11-20T09:00:00Z'), moscow);
    expect(upcomingDeadlines('case-1', findingsFor(facts, early.today), early)).toEqual([]);

    const noticeFindings = findingsFor(
      { notice: { kind: 'electronic', postedToRegister: '2026-11-25' } },
      '2026-11-29',
    );
    expect(noticeFindings.some((finding) => finding.dates.length > 0)).toBe(true);
    expect(
      upcomingDeadlines('case-1', noticeFindings, dayWindow(new Date('2026-11-29T09:00:00Z'), 180)),
    ).toEqual([]);
  });
});
