import { can } from '../../domain/access/can.ts';
import type { CaseFile } from '../../domain/cases/case-file.ts';
import { overdueFollowUp, stageOf } from '../../domain/documents/case-document.ts';
import type { DocumentKind } from '../../domain/documents/document-template.ts';
import { type CalendarDate, compareDates } from '../../domain/rules/calendar-date.ts';
import { evaluate } from '../../domain/rules/evaluate.ts';
import type { LegalDecision } from '../../domain/rules/legal-decision.ts';
import type { LoadedRulePack, Text } from '../../domain/rules/rule-pack.ts';
import { effectiveChoices } from '../../domain/rules/rule-settings.ts';
import type { CaseTask, CaseTaskFrame } from '../../domain/tasks/case-task.ts';
import {
  type DayWindow,
  type DueBucket,
  dayWindow,
  dueTasks,
  type UpcomingDeadline,
  upcomingDeadlines,
} from '../../domain/tasks/my-day.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { recordCaseRead } from '../cases/read-case-file.ts';
import { refuseSealedFailure } from '../cases/refuse-sealed-failure.ts';
import { SealedDataError } from '../ports/key-crypto.ts';
import type { Ports } from '../ports/ports.ts';
import { conscriptionPackId } from '../rules/evaluate-legal-position.ts';

export type MyDayTask = CaseTask & { bucket: DueBucket; caseCode: string | null };
export type MyDayDeadline = UpcomingDeadline & { caseCode: string | null };

/** A document sent on one of the reader's cases whose answer is due soon, or overdue. */
export type MyDayDocument = {
  caseId: string;
  caseCode: string | null;
  documentId: string;
  kind: DocumentKind;
  answerDue: CalendarDate;
  stage: 'answer-due' | 'overdue';
  /** For an overdue one: the complaint about the delay to send next. */
  followUp: Text | null;
};

export type MyDay = {
  today: CalendarDate;
  lastDay: CalendarDate;
  /** By due time. */
  tasks: MyDayTask[];
  /** By date. */
  deadlines: MyDayDeadline[];
  /** By answer date: overdue ones first. */
  documents: MyDayDocument[];
  /** Cases with something for the reader that their role or key does not open. */
  unopenedCases: number;
  /** Cases whose recorded facts the rule pack in use refuses (it changed since they were recorded). */
  unevaluatedCases: number;
};

/** More than this many tasks due within a week is a list nobody reads to the end. */
const taskLimit = 500;
const caseLimit = 200;

/**
 * The deadlines the rules give for the latest legal position recorded on a case: its facts,
 * evaluated today with the rule pack and the organisation's choices in use now, so a deadline
 * moves when the organisation's reading of a disputed rule changes. Null when the pack refuses
 * the facts.
 */
function deadlinesOf(
  caseId: string,
  latest: LegalDecision,
  pack: LoadedRulePack,
  choices: Record<string, string>,
  window: DayWindow,
): UpcomingDeadline[] | null {
  // A position recorded on the reader's tomorrow (another time zone) is not in the future.
  const asOf = compareDates(latest.asOf, window.today) > 0 ? latest.asOf : window.today;
  const result = evaluate(pack, latest.factsSnapshot, asOf, choices);
  return result.ok ? upcomingDeadlines(caseId, result.evaluation.findings, window) : null;
}

/**
 * The signed-in user's day: their open tasks that are overdue, due today or within seven days,
 * on the cases they may open, and the deadlines the rules compute for the cases assigned to
 * them, with the answers due to the documents sent on those cases and the ones overdue. "Their"
 * tasks are those assigned to them and those assigned to no one on their cases.
 * Each case whose titles or facts are opened is an audited read of that case.
 */
export async function describeMyDay(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'rulePacks'>,
  current: AuthenticatedSession,
  input: { utcOffsetMinutes: number },
): Promise<MyDay> {
  const { actor, identity } = current;
  const now = deps.clock.now();
  const window = dayWindow(now, input.utcOffsetMinutes);
  const pack = deps.rulePacks.current(conscriptionPackId);
  const opening = { caseId: '' };
  try {
    return await deps.unitOfWork.run(async (repositories) => {
      const due = await repositories.caseTasks.listDueFor(
        actor.orgId,
        actor.userId,
        window.end,
        taskLimit,
      );
      const assigned = await repositories.caseFiles.listFrames(actor.orgId, {
        status: 'open',
        assigneeId: actor.userId,
        limit: caseLimit,
      });
      const choices = effectiveChoices(await repositories.ruleSettings.listChoices(actor.orgId));
      const frames = new Map<string, CaseFile>();
      const caseCodes = new Map<string, string | null>();
      for (const { caseFile, report } of assigned) {
        frames.set(caseFile.id, caseFile);
        caseCodes.set(caseFile.id, report?.caseCode ?? null);
      }
      const dueByCase = new Map<string, CaseTaskFrame[]>();
      for (const { task, caseCode } of due) {
        dueByCase.set(task.caseId, [...(dueByCase.get(task.caseId) ?? []), task]);
        caseCodes.set(task.caseId, caseCode);
      }

      const day: MyDay = {
        today: window.today,
        lastDay: window.lastDay,
        tasks: [],
        deadlines: [],
        documents: [],
        unopenedCases: 0,
        unevaluatedCases: 0,
      };
      const readable: string[] = [];
      for (const caseId of new Set([...dueByCase.keys(), ...frames.keys()])) {
        const caseFile =
          frames.get(caseId) ?? (await repositories.caseFiles.findFrame(actor.orgId, caseId));
        if (caseFile === null) continue;
        const tasks = dueByCase.get(caseId) ?? [];
        const subject = {
          type: 'case' as const,
          orgId: caseFile.orgId,
          assigneeIds: caseFile.assigneeIds,
        };
        if (identity === null || !can(actor, 'case.read', subject)) {
          day.unopenedCases += 1;
          continue;
        }
        if (frames.has(caseId)) readable.push(caseId);
        opening.caseId = caseId;
        const titles = await repositories.caseTasks.openTitles(
          caseFile,
          identity,
          tasks.map((task) => task.id),
        );
        const decisions = frames.has(caseId)
          ? await repositories.caseFiles.listDecisions(caseFile, identity)
          : [];
        if (titles === null || decisions === null) {
          day.unopenedCases += 1;
          continue;
        }
        const latest = decisions.at(-1);
        const deadlines =
          latest === undefined ? [] : deadlinesOf(caseId, latest, pack, choices, window);
        if (deadlines === null) day.unevaluatedCases += 1;
        const caseCode = caseCodes.get(caseId) ?? null;
        day.tasks.push(
          ...dueTasks(tasks, window).map((task) => ({
            ...task,
            title: titles.get(task.id) ?? '',
            caseCode,
          })),
        );
        day.deadlines.push(...(deadlines ?? []).map((deadline) => ({ ...deadline, caseCode })));
        if (tasks.length > 0 || latest !== undefined) {
          await recordCaseRead(repositories, deps, now, actor, caseId, {
            purpose: 'my-day',
            tasks: tasks.length,
            deadlines: deadlines?.length ?? 0,
          });
        }
      }
      // Answers due are in clear: no case is opened to find them.
      const awaiting = await repositories.caseDocuments.listAnswersDue(
        actor.orgId,
        readable,
        window.lastDay,
      );
      day.documents = awaiting.flatMap((document) => {
        const stage = stageOf(document, window.today);
        if (document.answerDue === null || (stage !== 'answer-due' && stage !== 'overdue'))
          return [];
        return [
          {
            caseId: document.caseId,
            caseCode: caseCodes.get(document.caseId) ?? null,
            documentId: document.id,
            kind: document.kind,
            answerDue: document.answerDue,
            stage,
            followUp: stage === 'overdue' ? overdueFollowUp : null,
          },
        ];
      });
      day.tasks.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : 1));
      day.deadlines.sort((a, b) => compareDates(a.date, b.date) || (a.caseId < b.caseId ? -1 : 1));
      return day;
    });
  } catch (error) {
    if (error instanceof SealedDataError)
      return refuseSealedFailure(deps, now, actor, opening.caseId, error);
    throw error;
  }
}
