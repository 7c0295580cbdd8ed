import type { CaseFile } from '../../domain/cases/case-file.ts';
import { caseFactsOf, emptyDraftMatter } from '../../domain/cases/draft-matter.ts';
import {
  type CaseForDocument,
  detentionFactsOf,
} from '../../domain/documents/case-document-values.ts';
import type { Place } from '../../domain/places/place.ts';
import { type CalendarDate, compareDates, moscowDateOf } from '../../domain/rules/calendar-date.ts';
import { evaluate, type Finding } from '../../domain/rules/evaluate.ts';
import { effectiveChoices } from '../../domain/rules/rule-settings.ts';
import { AppError } from '../app-error.ts';
import type { UnlockedIdentity } from '../ports/key-crypto.ts';
import type { Ports } from '../ports/ports.ts';
import type { Repositories } from '../ports/repositories.ts';
import { conscriptionPackId } from '../rules/evaluate-legal-position.ts';

/** Military prosecutor's offices a document may be addressed to: more would be a list nobody reads. */
const prosecutorLimit = 20;

/** The day documents are dated and rules applied on: organisations work on Moscow time. */
export function documentDay(now: Date): CalendarDate {
  return moscowDateOf(now);
}

/**
 * The findings a case's documents cite: its latest recorded legal position (which holds what the
 * lawyer said of the detention) evaluated today, or, when none was recorded, the facts the case
 * file itself gives, with the detention its timeline shows. The organisation's choices among disputed versions apply.
 */
async function findingsOf(
  repositories: Repositories,
  deps: Pick<Ports, 'rulePacks'>,
  caseFile: CaseFile,
  identity: UnlockedIdentity,
  opened: Omit<CaseForDocument, 'findings' | 'prosecutors' | 'today'>,
  today: CalendarDate,
): Promise<Finding[]> {
  const decisions = (await repositories.caseFiles.listDecisions(caseFile, identity)) ?? [];
  const latest = decisions.at(-1);
  const detention = detentionFactsOf(opened.timeline, opened.places);
  const facts = latest?.factsSnapshot ?? {
    ...caseFactsOf(opened.draftMatter, opened.timeline, opened.persons[0]?.birthDate ?? null),
    ...(detention === undefined ? {} : { detention }),
  };
  const asOf = latest !== undefined && compareDates(latest.asOf, today) > 0 ? latest.asOf : today;
  const choices = effectiveChoices(await repositories.ruleSettings.listChoices(caseFile.orgId));
  const result = evaluate(deps.rulePacks.current(conscriptionPackId), facts, asOf, choices);
  return result.ok ? result.evaluation.findings : [];
}

/**
 * Opens what a document is filled from: the persons, timeline and draft matter (sealed), the
 * places they name and the organisation's military prosecutors (clear), and the rules'
 * findings. The caller audits the read.
 */
export async function openCaseForDocument(
  repositories: Repositories,
  deps: Pick<Ports, 'rulePacks'>,
  caseFile: CaseFile,
  identity: UnlockedIdentity | null,
  today: CalendarDate,
): Promise<CaseForDocument> {
  const persons =
    identity === null ? null : await repositories.caseFiles.openPersons(caseFile, identity);
  if (identity === null || persons === null) {
    throw new AppError('KEY_UNAVAILABLE', 'reader holds no key to the case');
  }
  const timeline = (await repositories.caseTimelines.openEvents(caseFile, identity)) ?? [];
  const draftMatter =
    (await repositories.caseTimelines.openDraftMatter(caseFile, identity)) ?? emptyDraftMatter;
  const placeIds = new Set<string>([
    ...timeline.flatMap((event) => (event.placeId === null ? [] : [event.placeId])),
    ...draftMatter.appeals.flatMap((appeal) =>
      appeal.courtPlaceId === undefined ? [] : [appeal.courtPlaceId],
    ),
  ]);
  const places = new Map<string, Place>();
  for (const id of placeIds) {
    const place = await repositories.places.findById(caseFile.orgId, id);
    if (place !== null) places.set(id, place);
  }
  const prosecutors = await repositories.places.search(caseFile.orgId, {
    kinds: ['military-prosecutor'],
    query: '',
    limit: prosecutorLimit,
  });
  const opened = { persons, timeline, draftMatter, places };
  const findings = await findingsOf(repositories, deps, caseFile, identity, opened, today);
  return { ...opened, prosecutors, findings, today };
}
