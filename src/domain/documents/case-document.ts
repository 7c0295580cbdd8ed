import { type CalendarDate, compareDates } from '../rules/calendar-date.ts';
import type { CaseFacts } from '../rules/case-facts.ts';
import type { Finding } from '../rules/evaluate.ts';
import type { Text } from '../rules/rule-pack.ts';
import type { DocumentKind } from './document-template.ts';

/** How a document reached its addressee. */
export const sendingMethods = ['post', 'email', 'in-person', 'online-reception'] as const;
export type SendingMethod = (typeof sendingMethods)[number];

export type DocumentStatus = 'drafted' | 'sent' | 'answered';

/**
 * A document generated on a case. Its kind, template version, hashes and tracking dates are
 * operational (they say that *a* complaint went to the prosecutor on a date, not whose); the
 * field values and the files are sealed with the case's key.
 */
export type CaseDocument = {
  id: string;
  orgId: string;
  caseId: string;
  kind: DocumentKind;
  templateVersion: number;
  docxSha256: string;
  pdfSha256: string;
  status: DocumentStatus;
  sentOn: CalendarDate | null;
  sentVia: SendingMethod | null;
  /** The day the addressee received it; the day it was sent unless told otherwise (post). */
  receivedOn: CalendarDate | null;
  registeredOn: CalendarDate | null;
  /** The addressee extended the period and said so (59-FZ art. 12 part 2). */
  extended: boolean;
  /** Computed by the rules when sent; null for a court, which 59-FZ does not bind. */
  answerDue: CalendarDate | null;
  answeredOn: CalendarDate | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
};

/** The sealed part: what the lawyer confirmed, and the two files. */
export type CaseDocumentContent = {
  values: Record<string, string>;
  docx: Uint8Array;
  pdf: Uint8Array;
};

/**
 * Who answers a document under 59-FZ, as the rules name the addressee; null for a claim, which
 * a court decides under its own procedure.
 */
export function answeringBodyOf(
  kind: DocumentKind,
): NonNullable<CaseFacts['complaint']>['sentTo'] | null {
  switch (kind) {
    case 'detention-complaint':
    case 'lawyer-access-complaint':
      return 'military-prosecutor';
    case 'lawyer-admission-request':
    case 'medical-board-refusal':
    case 'appeal-pending-statement':
      return 'military-commissariat';
    case 'regional-commission-complaint':
      return 'regional-commission';
    case 'administrative-claim':
      return null;
  }
}

/** Where a document stands today: drafted, awaiting its answer, overdue, or answered. */
export type DocumentStage = 'drafted' | 'answer-due' | 'overdue' | 'answered';

export function stageOf(document: CaseDocument, today: CalendarDate): DocumentStage {
  if (document.status === 'drafted') return 'drafted';
  if (document.status === 'answered') return 'answered';
  return document.answerDue !== null && compareDates(today, document.answerDue) > 0
    ? 'overdue'
    : 'answer-due';
}

/** What to do when no answer came in time: 59-FZ art. 12 was broken, which is itself a ground. */
export const overdueFollowUp: Text = {
  ru: 'Ответ не дан в срок, установленный ч. 1 ст. 12 Федерального закона № 59-ФЗ: подайте жалобу на нарушение срока вышестоящему должностному лицу или прокурору и приложите копию документа с отметкой о получении.',
  en: 'No answer came within the period of 59-FZ art. 12 part 1: complain about the delay to the superior official or the prosecutor, attaching a copy of the document with its proof of receipt.',
};

/** A change of a document's tracking, as staff record it. */
export type TrackingStep =
  | { step: 'sent'; sentOn: CalendarDate; via: SendingMethod; receivedOn?: CalendarDate }
  | { step: 'registered'; registeredOn: CalendarDate }
  | { step: 'extended' }
  | { step: 'answered'; answeredOn: CalendarDate };

export type TrackingProblem = { path: string[]; message: Text };

/** The facts the rules need to compute the answer's due date. */
export function answerFacts(document: CaseDocument): CaseFacts | null {
  const sentTo = answeringBodyOf(document.kind);
  if (sentTo === null || document.receivedOn === null) return null;
  return {
    complaint: {
      sentTo,
      receivedOn: document.receivedOn,
      ...(document.registeredOn === null ? {} : { registeredOn: document.registeredOn }),
      ...(document.extended ? { extended: true } : {}),
    },
  };
}

/**
 * The answer's due date among the rules' findings: the extended date when the period was
 * extended (CPL-03), otherwise 30 days from registration (CPL-02), or, with the registration
 * date unknown, 33 days from receipt (registered within the 3 days of CPL-01, then 30).
 */
export function answerDueOf(findings: readonly Finding[]): CalendarDate | null {
  const dateOf = (ruleId: string, outcomeId: string) =>
    findings.find((finding) => finding.ruleId === ruleId && finding.outcomeId === outcomeId)
      ?.dates[0]?.date ?? null;
  return (
    dateOf('CPL-03', 'extended-answer-due') ??
    dateOf('CPL-02', 'answer-due') ??
    dateOf('CPL-02', 'answer-due-at-latest')
  );
}

function problem(path: string, ru: string, en: string): TrackingProblem {
  return { path: [path], message: { ru, en } };
}

/**
 * Applies a tracking step, or says why it cannot be: a document is sent once, then registered,
 * extended and answered; no date is in the future or before the step it follows. The answer's
 * due date is left for the caller to compute with the rules from the result.
 */
export function trackDocument(
  document: CaseDocument,
  step: TrackingStep,
  today: CalendarDate,
  now: Date,
): { ok: true; document: CaseDocument } | { ok: false; problems: TrackingProblem[] } {
  const problems: TrackingProblem[] = [];
  const future = (path: string, date: CalendarDate) => {
    if (compareDates(date, today) > 0) {
      problems.push(
        problem(path, 'Дата не может быть в будущем.', 'The date cannot be in the future.'),
      );
    }
  };
  const notBefore = (
    path: string,
    date: CalendarDate,
    earlier: CalendarDate | null,
    ru: string,
    en: string,
  ) => {
    if (earlier !== null && compareDates(date, earlier) < 0) problems.push(problem(path, ru, en));
  };
  let next: CaseDocument = { ...document, updatedAt: now };
  switch (step.step) {
    case 'sent': {
      if (document.status !== 'drafted') {
        problems.push(problem('step', 'Документ уже отправлен.', 'The document was sent already.'));
      }
      const receivedOn = step.receivedOn ?? step.sentOn;
      future('sentOn', step.sentOn);
      future('receivedOn', receivedOn);
      notBefore(
        'receivedOn',
        receivedOn,
        step.sentOn,
        'Получить документ раньше отправки нельзя.',
        'It cannot be received before it was sent.',
      );
      next = { ...next, status: 'sent', sentOn: step.sentOn, sentVia: step.via, receivedOn };
      break;
    }
    case 'registered':
      if (document.status !== 'sent') {
        problems.push(problem('step', 'Сначала отметьте отправку.', 'Mark it sent first.'));
      }
      future('registeredOn', step.registeredOn);
      notBefore(
        'registeredOn',
        step.registeredOn,
        document.receivedOn,
        'Зарегистрировать документ раньше получения нельзя.',
        'It cannot be registered before it was received.',
      );
      next = { ...next, registeredOn: step.registeredOn };
      break;
    case 'extended':
      if (document.status !== 'sent' || document.registeredOn === null) {
        problems.push(
          problem(
            'step',
            'Продлить можно срок по отправленному и зарегистрированному документу: укажите дату регистрации.',
            'Only a sent and registered document’s period can be extended: give its registration date.',
          ),
        );
      }
      next = { ...next, extended: true };
      break;
    case 'answered':
      if (document.status !== 'sent') {
        problems.push(
          problem(
            'step',
            'Ответ можно отметить только по отправленному документу.',
            'Only a sent document can be answered.',
          ),
        );
      }
      future('answeredOn', step.answeredOn);
      notBefore(
        'answeredOn',
        step.answeredOn,
        document.sentOn,
        'Ответ не может прийти раньше отправки.',
        'The answer cannot come before it was sent.',
      );
      next = { ...next, status: 'answered', answeredOn: step.answeredOn };
      break;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, document: next };
}
