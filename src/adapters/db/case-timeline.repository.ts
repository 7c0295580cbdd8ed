import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DataKey, RecordSealing } from '../../app/ports/key-crypto.ts';
import type { CaseTimelineRepository } from '../../app/ports/repositories.ts';
import type { CaseFile } from '../../domain/cases/case-file.ts';
import {
  type DraftMatter,
  draftMatter,
  emptyDraftMatter,
} from '../../domain/cases/draft-matter.ts';
import type {
  PowerOfAttorney,
  TimelineEvent,
  TimelineEventKind,
} from '../../domain/timeline/timeline-event.ts';
import { openCaseDataKey, recordSealer } from './case-keys.ts';
import { fromIso, toIso } from './columns.ts';
import type { Database, DraftMattersTable, TimelineEventsTable } from './database.ts';

/** Every column but the sealed note. */
const eventFrameColumns = [
  'id',
  'org_id',
  'case_id',
  'kind',
  'occurred_at',
  'place_id',
  'power_of_attorney',
  'recorded_by',
  'recorded_at',
] as const;

function eventFrame(
  row: Pick<Selectable<TimelineEventsTable>, (typeof eventFrameColumns)[number]>,
): Omit<TimelineEvent, 'note'> {
  return {
    id: row.id,
    orgId: row.org_id,
    caseId: row.case_id,
    kind: row.kind as TimelineEventKind,
    occurredAt: fromIso(row.occurred_at),
    placeId: row.place_id,
    powerOfAttorney: row.power_of_attorney as PowerOfAttorney | null,
    recordedBy: row.recorded_by,
    recordedAt: fromIso(row.recorded_at),
  };
}

/** An event's row, its note sealed under the case's open data key. */
export function timelineEventRow(
  sealing: RecordSealing,
  key: DataKey,
  event: TimelineEvent,
): Insertable<TimelineEventsTable> {
  return {
    id: event.id,
    org_id: event.orgId,
    case_id: event.caseId,
    kind: event.kind,
    occurred_at: toIso(event.occurredAt),
    place_id: event.placeId,
    power_of_attorney: event.powerOfAttorney,
    note: recordSealer(sealing, key, 'timeline_events', event.id).seal('note', event.note),
    recorded_by: event.recordedBy,
    recorded_at: toIso(event.recordedAt),
  };
}

/** A case's draft-matter row, sealed under the case's open data key. */
export function draftMatterRow(
  sealing: RecordSealing,
  key: DataKey,
  record: {
    id: string;
    orgId: string;
    caseId: string;
    matter: DraftMatter;
    by: string | null;
    at: Date;
  },
): Insertable<DraftMattersTable> {
  const sealed = recordSealer(sealing, key, 'draft_matters', record.id).seal(
    'matter',
    JSON.stringify(record.matter),
  );
  return {
    id: record.id,
    org_id: record.orgId,
    case_id: record.caseId,
    matter: sealed ?? '',
    updated_by: record.by,
    updated_at: toIso(record.at),
  };
}

/** The case's timeline and draft matter: what happened, and what the draft itself is about. */
export function caseTimelineRepository(
  db: Kysely<Database>,
  sealing: RecordSealing,
): CaseTimelineRepository {
  function eventRows(caseFile: CaseFile) {
    return db
      .selectFrom('timeline_events')
      .selectAll()
      .where('org_id', '=', caseFile.orgId)
      .where('case_id', '=', caseFile.id)
      .orderBy('occurred_at')
      .orderBy('recorded_at')
      .orderBy('id')
      .execute();
  }

  function openMatter(key: DataKey, row: { id: string; matter: string }): DraftMatter {
    const opened = recordSealer(sealing, key, 'draft_matters', row.id).open('matter', row.matter);
    return draftMatter.parse(JSON.parse(opened ?? '{}'));
  }

  return {
    async addEvent(caseFile, opener, event) {
      const key = await openCaseDataKey(db, sealing, caseFile, opener);
      if (key === null) return false;
      await db
        .insertInto('timeline_events')
        .values(
          timelineEventRow(sealing, key, { ...event, orgId: caseFile.orgId, caseId: caseFile.id }),
        )
        .execute();
      return true;
    },

    async addEventFrame(event) {
      await db
        .insertInto('timeline_events')
        .values({
          id: event.id,
          org_id: event.orgId,
          case_id: event.caseId,
          kind: event.kind,
          occurred_at: toIso(event.occurredAt),
          place_id: event.placeId,
          power_of_attorney: event.powerOfAttorney,
          note: null,
          recorded_by: event.recordedBy,
          recorded_at: toIso(event.recordedAt),
        })
        .execute();
    },

    async listEventFrames(caseFile) {
      return (await eventRows(caseFile)).map(eventFrame);
    },

    async listEventFramesOf(orgId, caseIds) {
      const byCase = new Map<string, Omit<TimelineEvent, 'note'>[]>();
      if (caseIds.length === 0) return byCase;
      const rows = await db
        .selectFrom('timeline_events')
        .select(eventFrameColumns)
        .where('org_id', '=', orgId)
        .where('case_id', 'in', caseIds)
        .orderBy('occurred_at')
        .orderBy('recorded_at')
        .orderBy('id')
        .execute();
      for (const row of rows)
        byCase.set(row.case_id, [...(byCase.get(row.case_id) ?? []), eventFrame(row)]);
      return byCase;
    },

    async openEvents(caseFile, opener) {
      const key = await openCaseDataKey(db, sealing, caseFile, opener);
      if (key === null) return null;
      return (await eventRows(caseFile)).map((row) => ({
        ...eventFrame(row),
        note: recordSealer(sealing, key, 'timeline_events', row.id).open('note', row.note),
      }));
    },

    async openDraftMatter(caseFile, opener) {
      const key = await openCaseDataKey(db, sealing, caseFile, opener);
      if (key === null) return null;
      const row = await db
        .selectFrom('draft_matters')
        .select(['id', 'matter'])
        .where('org_id', '=', caseFile.orgId)
        .where('case_id', '=', caseFile.id)
        .executeTakeFirst();
      return row === undefined ? emptyDraftMatter : openMatter(key, row);
    },

    async saveDraftMatter(caseFile, opener, matter, change) {
      const key = await openCaseDataKey(db, sealing, caseFile, opener);
      if (key === null) return false;
      const existing = await db
        .selectFrom('draft_matters')
        .select('id')
        .where('org_id', '=', caseFile.orgId)
        .where('case_id', '=', caseFile.id)
        .executeTakeFirst();
      if (existing === undefined) {
        await db
          .insertInto('draft_matters')
          .values(
            draftMatterRow(sealing, key, {
              id: change.newId,
              orgId: caseFile.orgId,
              caseId: caseFile.id,
              matter,
              by: change.by,
              at: change.at,
            }),
          )
          .execute();
        return true;
      }
      const sealed = recordSealer(sealing, key, 'draft_matters', existing.id).seal(
        'matter',
        JSON.stringify(matter),
      );
      await db
        .updateTable('draft_matters')
        .set({ matter: sealed ?? '', updated_by: change.by, updated_at: toIso(change.at) })
        .where('id', '=', existing.id)
        .execute();
      return true;
    },
  };
}
