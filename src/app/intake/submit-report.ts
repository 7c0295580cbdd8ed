import {
  type AnswerError,
  type Answers,
  operationalAnswers,
  personalAnswers,
  type RawAnswers,
  validateAll,
} from '../../domain/intake/answers.ts';
import { type IntakeChannel, toMinute } from '../../domain/intake/report.ts';
import type { TimelineEvent } from '../../domain/timeline/timeline-event.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { caseRecipients, type NewPerson, storeNewCase } from '../cases/create-case-file.ts';
import type { Ports } from '../ports/ports.ts';
import type { Repositories } from '../ports/repositories.ts';

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
 * Takes a report from any channel: checks the answers against the questionnaire, opens a case
 * sealed to the triage staff and escrow (public keys only: it works before anyone has logged
 * in), and returns a case code and a secret follow-up token, which is stored only as a hash.
 * The transaction is committed, and so durable, before this returns.
 */
/**
 * The timeline a report starts: when it came, and the detention it tells of, at the time and
 * station the reporter gave. Nothing personal: no note, so no key is needed to write it.
 */
function reportedEvents(
  answers: Answers,
  receivedAt: Date,
): Pick<TimelineEvent, 'kind' | 'occurredAt' | 'placeId'>[] {
  const events: Pick<TimelineEvent, 'kind' | 'occurredAt' | 'placeId'>[] = [
    { kind: 'reported', occurredAt: receivedAt, placeId: null },
  ];
  const detainedAt = answers['detained-at'];
  if (answers.situation === 'detained' && typeof detainedAt === 'string') {
    const station = answers['taken-from-station'];
    events.push({
      kind: 'detained',
      occurredAt: new Date(detainedAt),
      placeId: typeof station === 'object' && 'placeId' in station ? station.placeId : null,
    });
  }
  return events;
}

export async function submitReport(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'tokens' | 'blindIndex' | 'questionnaires'>,
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
  await deps.unitOfWork.run(async (repositories) => {
    const orgId = await receivingOrganisation(repositories);
    const recipients = await caseRecipients(repositories, orgId, {
      creatorId: null,
      roles: triageRoles,
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
          operationalAnswers: operationalAnswers(questionnaire, checked.answers),
          personalAnswers: personalAnswers(questionnaire, checked.answers),
          receivedAt: toMinute(now),
        },
      },
    });
    for (const event of reportedEvents(checked.answers, toMinute(now))) {
      await repositories.caseTimelines.addEventFrame({
        ...event,
        id: deps.ids.newId(),
        orgId,
        caseId,
        powerOfAttorney: null,
        recordedBy: null,
        recordedAt: toMinute(now),
      });
    }
    await recordAudit(repositories, deps, toMinute(now), {
      orgId,
      actorUserId: null,
      action: 'case.created',
      subjectType: 'case',
      subjectId: caseId,
      details: { via: input.channel, sealedTo: recipients.length },
    });
    await input.alsoInTransaction?.(repositories);
  });
  return { ok: true, caseCode, followUpToken };
}
