import { alertReasonOfReport } from '../../domain/alerts/alert.ts';
import {
  type AnswerError,
  type Answers,
  operationalAnswers,
  personalAnswers,
  type RawAnswers,
  validateAll,
} from '../../domain/intake/answers.ts';
import { type IntakeChannel, toMinute } from '../../domain/intake/report.ts';
import { reportedDetention, reportedPlaceId } from '../../domain/intake/reported-detention.ts';
import { raiseAlert } from '../alerts/raise-alert.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { caseRecipients, type NewPerson, storeNewCase } from '../cases/create-case-file.ts';
import type { Ports } from '../ports/ports.ts';
import type { Repositories } from '../ports/repositories.ts';
import { onDutyStaff } from '../roster/read-roster.ts';

export const hotlineQuestionnaireId = 'hotline';

/** Hotline operators and coordinators triage every report, so each is sealed to them. */
const triageRoles = ['coordinator', 'operator'] as const;

export type SubmittedReport =
  | { ok: true; caseCode: string; followUpToken: string }
  | { ok: false; errors: AnswerError[] };

/** The person the report is about, where the reporter named him. */
function personOf(answers: Readonly<Record<string, unknown>>): NewPerson | null {
  const text = (id: string) => {
    const value = answers[id];
    return typeof value === 'string' && value !== '' ? value : null;
  };
  const fullName = text('person-name');
  if (fullName === null) return null;
  return {
    fullName,
    birthDate: text('person-birth-date'),
    phone: text('contact-phone'),
    notes: null,
  };
}

/** The organisation that receives hotline reports: the only one, in a single-group deployment. */
export async function receivingOrganisation(repositories: Repositories): Promise<string> {
  const organisations = await repositories.organisations.list();
  const [only] = organisations;
  if (only === undefined || organisations.length > 1) {
    throw new AppError('CONFLICT', 'reports need exactly one receiving organisation');
  }
  return only.id;
}

/**
 * What a report of a detention puts on the timeline at once, in clear and without a key: the
 * detention, and where he was taken, so that the live board shows him before anyone has opened
 * the case.
 */
async function recordReportedDetention(
  repositories: Repositories,
  deps: Pick<Ports, 'ids'>,
  input: { orgId: string; caseId: string; answers: Answers; now: Date },
): Promise<boolean> {
  const detention = reportedDetention(input.answers, input.now);
  if (detention === null) return false;
  const frame = {
    orgId: input.orgId,
    caseId: input.caseId,
    occurredAt: detention.occurredAt,
    powerOfAttorney: null,
    note: null,
    recordedBy: null,
    recordedAt: input.now,
  };
  await repositories.caseTimelines.addEventFrame({
    ...frame,
    id: deps.ids.newId(),
    kind: 'detained',
    placeId: detention.detainedAtPlaceId,
  });
  if (detention.heldAtPlaceId !== null) {
    await repositories.caseTimelines.addEventFrame({
      ...frame,
      id: deps.ids.newId(),
      kind: 'transferred',
      placeId: detention.heldAtPlaceId,
    });
  }
  return true;
}

/**
 * Takes a report from any channel: checks the answers against the questionnaire, opens a case
 * sealed to the triage staff, the staff on duty and escrow (public keys only: it works before
 * anyone has logged in), and returns a case code and a secret follow-up token, which is stored
 * only as a hash. A report that needs action now (a detention) goes on the live board and raises
 * an alert in the same transaction. The transaction is committed, and so durable, before this
 * returns.
 */
export async function submitReport(
  deps: Pick<
    Ports,
    'unitOfWork' | 'clock' | 'ids' | 'tokens' | 'blindIndex' | 'questionnaires' | 'liveUpdates'
  >,
  input: {
    channel: IntakeChannel;
    answers: RawAnswers;
    /** A channel's own bookkeeping that must commit with the report or not at all. */
    alsoInTransaction?: (repositories: Repositories) => Promise<void>;
  },
): Promise<SubmittedReport> {
  const questionnaire = deps.questionnaires.current(hotlineQuestionnaireId);
  const now = deps.clock.now();
  const checked = validateAll(questionnaire, input.answers, now);
  if (!checked.ok) return checked;
  const caseCode = deps.tokens.newCaseCode();
  const followUpToken = deps.tokens.newToken();
  const person = personOf(checked.answers);
  const operational = operationalAnswers(questionnaire, checked.answers);
  const { orgId, onBoard } = await deps.unitOfWork.run(async (repositories) => {
    const orgId = await receivingOrganisation(repositories);
    // Whoever is on duty can open the report he is paged for, without waiting for a colleague.
    const onDuty = await onDutyStaff(repositories, orgId, now);
    const recipients = await caseRecipients(repositories, orgId, {
      creatorId: null,
      roles: triageRoles,
      userIds: onDuty,
    });
    const { caseId } = await storeNewCase(repositories, deps, {
      orgId,
      creator: null,
      persons: person === null ? [] : [person],
      recipients,
      now,
      report: {
        followUpHash: deps.tokens.hash(followUpToken),
        report: {
          id: deps.ids.newId(),
          orgId,
          channel: input.channel,
          caseCode,
          questionnaireId: questionnaire.questionnaireId,
          questionnaireVersion: questionnaire.version,
          operationalAnswers: operational,
          personalAnswers: personalAnswers(questionnaire, checked.answers),
          receivedAt: toMinute(now),
        },
      },
    });
    // The report starts the case's timeline; nothing personal, so no key is needed to write it.
    await repositories.caseTimelines.addEventFrame({
      id: deps.ids.newId(),
      orgId,
      caseId,
      kind: 'reported',
      occurredAt: toMinute(now),
      placeId: null,
      powerOfAttorney: null,
      recordedBy: null,
      recordedAt: toMinute(now),
    });
    await recordAudit(repositories, deps, toMinute(now), {
      orgId,
      actorUserId: null,
      action: 'case.created',
      subjectType: 'case',
      subjectId: caseId,
      details: { via: input.channel, sealedTo: recipients.length },
    });
    const onBoard = await recordReportedDetention(repositories, deps, {
      orgId,
      caseId,
      answers: operational,
      now: toMinute(now),
    });
    const reason = alertReasonOfReport(operational);
    if (reason !== null) {
      await raiseAlert(repositories, deps, {
        orgId,
        caseId,
        caseCode,
        placeId: reportedPlaceId(operational),
        reason,
        raisedBy: null,
        now,
      });
    }
    await input.alsoInTransaction?.(repositories);
    return { orgId, onBoard: onBoard || reason !== null };
  });
  if (onBoard) await deps.liveUpdates.publish(orgId);
  return { ok: true, caseCode, followUpToken };
}
