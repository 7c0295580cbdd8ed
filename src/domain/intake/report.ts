import type { DataClasses } from '../sealing/data-class.ts';
import type { Answers } from './answers.ts';

export type IntakeChannel = 'web' | 'api' | 'telegram';

/** A report as the hotline received it, on whichever channel. */
export type Report = {
  id: string;
  orgId: string;
  caseId: string;
  channel: IntakeChannel;
  /** Quoted on the phone; not a secret, and not enough to see anything. */
  caseCode: string;
  questionnaireId: string;
  questionnaireVersion: number;
  operationalAnswers: Answers;
  personalAnswers: Answers;
  /** To the minute: exact times would help match a report to a network log. */
  receivedAt: Date;
};

export const reportDataClasses: DataClasses<Report> = {
  id: 'operational',
  orgId: 'operational',
  caseId: 'operational',
  channel: 'operational',
  caseCode: 'operational',
  questionnaireId: 'operational',
  questionnaireVersion: 'operational',
  operationalAnswers: 'operational',
  personalAnswers: 'personal',
  receivedAt: 'operational',
};

/** Cut to the minute. */
export function toMinute(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 60_000) * 60_000);
}

/** What the reporter sees on the follow-up page. */
export type FollowUpStatus = 'received' | 'lawyer-assigned' | 'closed';
