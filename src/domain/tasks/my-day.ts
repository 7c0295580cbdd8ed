import { addCalendarDays, type CalendarDate, compareDates } from '../rules/calendar-date.ts';
import type { Finding } from '../rules/evaluate.ts';
import type { Confidence, Text } from '../rules/rule-pack.ts';
import type { CaseTaskFrame } from './case-task.ts';

/** "My day" looks this many days past today. */
export const myDayHorizonDays = 7;

const minuteMs = 60_000;

/**
 * The reader's day and the days ahead, as instants. A day starts at midnight on the reader's
 * clock, given as an offset from UTC (Moscow: +180), so "today" is the day they live in.
 */
export type DayWindow = {
  today: CalendarDate;
  startOfToday: Date;
  startOfTomorrow: Date;
  /** The first instant past the horizon: midnight ending the 7th day after today. */
  end: Date;
  /** The last day whose deadlines are shown. */
  lastDay: CalendarDate;
};

function startOfDay(date: CalendarDate, utcOffsetMinutes: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - utcOffsetMinutes * minuteMs);
}

export function dayWindow(now: Date, utcOffsetMinutes: number): DayWindow {
  const today = new Date(now.getTime() + utcOffsetMinutes * minuteMs).toISOString().slice(0, 10);
  const lastDay = addCalendarDays(today, myDayHorizonDays);
  return {
    today,
    startOfToday: startOfDay(today, utcOffsetMinutes),
    startOfTomorrow: startOfDay(addCalendarDays(today, 1), utcOffsetMinutes),
    end: startOfDay(addCalendarDays(lastDay, 1), utcOffsetMinutes),
    lastDay,
  };
}

export type DueBucket = 'overdue' | 'today' | 'soon';

/** Where an open task's due time falls; null past the horizon. */
export function taskBucket(dueAt: Date, window: DayWindow): DueBucket | null {
  const time = dueAt.getTime();
  if (time < window.startOfToday.getTime()) return 'overdue';
  if (time < window.startOfTomorrow.getTime()) return 'today';
  return time < window.end.getTime() ? 'soon' : null;
}

/**
 * Where a deadline of the law falls. Passed deadlines are left out: nothing marks one as dealt
 * with, so an old one would stay on every day from then on.
 */
export function deadlineBucket(date: CalendarDate, window: DayWindow): 'today' | 'soon' | null {
  if (compareDates(date, window.today) < 0 || compareDates(date, window.lastDay) > 0) return null;
  return date === window.today ? 'today' : 'soon';
}

/** A date the rules computed from a case's recorded facts, by which something must happen. */
export type UpcomingDeadline = {
  caseId: string;
  ruleId: string;
  versionId: string;
  outcomeId: string;
  title: Text;
  label: Text;
  /** What the outcome says, in the version applied. */
  statement: Text;
  /** What the law says, in the version applied. */
  ruleStatement: Text;
  date: CalendarDate;
  confidence: Confidence;
  bucket: 'today' | 'soon';
};

/**
 * The deadlines among a case's findings that fall today or within the horizon, by date. A rule
 * under review gives one finding per version; the same outcome on the same date is kept once.
 */
export function upcomingDeadlines(
  caseId: string,
  findings: readonly Finding[],
  window: DayWindow,
): UpcomingDeadline[] {
  const seen = new Set<string>();
  const deadlines: UpcomingDeadline[] = [];
  for (const finding of findings) {
    if (finding.kind !== 'deadline') continue;
    for (const dated of finding.dates) {
      const bucket = deadlineBucket(dated.date, window);
      const key = `${finding.ruleId}/${finding.outcomeId}/${dated.date}`;
      if (bucket === null || seen.has(key)) continue;
      seen.add(key);
      deadlines.push({
        caseId,
        ruleId: finding.ruleId,
        versionId: finding.versionId,
        outcomeId: finding.outcomeId,
        title: finding.title,
        label: dated.label,
        statement: finding.statement,
        ruleStatement: finding.ruleStatement,
        date: dated.date,
        confidence: finding.confidence,
        bucket,
      });
    }
  }
  return deadlines.sort((a, b) => compareDates(a.date, b.date));
}

/**
 * The open tasks on the reader's list that are overdue or due by the horizon, by due time; the
 * id breaks ties so that the order is the same on every load.
 */
export function dueTasks<Task extends CaseTaskFrame>(
  tasks: readonly Task[],
  window: DayWindow,
): (Task & { bucket: DueBucket })[] {
  return tasks
    .flatMap((task) => {
      const bucket = task.status === 'open' ? taskBucket(task.dueAt, window) : null;
      return bucket === null ? [] : [{ ...task, bucket }];
    })
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : 1));
}
