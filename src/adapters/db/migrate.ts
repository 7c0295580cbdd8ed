import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  Migrator,
  PostgresAdapter,
  sql,
} from 'kysely';
import type { Database } from './database.ts';
import * as createFoundation from './migrations/2026-11-29T0130-create-foundation.ts';
import * as addStaffKeys from './migrations/2026-11-29T0300-add-staff-keys.ts';
import * as createCaseFiles from './migrations/2026-11-29T0400-create-case-files.ts';
import * as addRetention from './migrations/2026-11-29T0500-add-retention.ts';
import * as createRuleSettings from './migrations/2026-11-29T0600-create-rule-settings.ts';
import * as createLegalDecisions from './migrations/2026-11-29T0700-create-legal-decisions.ts';
import * as createReports from './migrations/2026-11-29T0800-create-reports.ts';
import * as createPlaces from './migrations/2026-11-29T0900-create-places.ts';
import * as createCaseTasks from './migrations/2026-11-29T0910-create-case-tasks.ts';
import * as createTelegramConversations from './migrations/2026-11-29T0920-create-telegram-conversations.ts';
import * as createTimelineAndDraftMatters from './migrations/2026-11-29T0930-create-timeline-and-draft-matters.ts';
import * as addCaseMerges from './migrations/2026-11-29T0935-add-case-merges.ts';
import * as addCaseListIndexes from './migrations/2026-11-29T0950-add-case-list-indexes.ts';
import * as createRosterAndAlerts from './migrations/2026-11-29T1000-create-roster-and-alerts.ts';
import * as createDocuments from './migrations/2026-11-29T1100-create-documents.ts';
import * as createEvidence from './migrations/2026-11-29T1110-create-evidence.ts';
import * as addCasePublication from './migrations/2026-11-29T1120-add-case-publication.ts';
import * as createStaffTelegramChats from './migrations/2026-11-29T1140-create-staff-telegram-chats.ts';

/** Every migration, in order. Listed by hand so that bundling and `tsx` need no file scanning. */
export const migrations: Record<string, Migration> = {
  '2026-11-29T0130-create-foundation': createFoundation,
  '2026-11-29T0300-add-staff-keys': addStaffKeys,
  '2026-11-29T0400-create-case-files': createCaseFiles,
  '2026-11-29T0500-add-retention': addRetention,
  '2026-11-29T0600-create-rule-settings': createRuleSettings,
  '2026-11-29T0700-create-legal-decisions': createLegalDecisions,
  '2026-11-29T0800-create-reports': createReports,
  '2026-11-29T0900-create-places': createPlaces,
  '2026-11-29T0910-create-case-tasks': createCaseTasks,
  '2026-11-29T0920-create-telegram-conversations': createTelegramConversations,
  '2026-11-29T0930-create-timeline-and-draft-matters': createTimelineAndDraftMatters,
  '2026-11-29T0935-add-case-merges': addCaseMerges,
  '2026-11-29T0950-add-case-list-indexes': addCaseListIndexes,
  '2026-11-29T1000-create-roster-and-alerts': createRosterAndAlerts,
  '2026-11-29T1100-create-documents': createDocuments,
  '2026-11-29T1110-create-evidence': createEvidence,
  '2026-11-29T1120-add-case-publication': addCasePublication,
  '2026-11-29T1140-create-staff-telegram-chats': createStaffTelegramChats,
};

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/**
 * On PostgreSQL the migrator looks for its bookkeeping table in every schema unless told which:
 * another application's `schema_migrations` in the same database would pass for ours.
 */
async function currentPostgresSchema(
  db: Kysely<Database>,
): Promise<{ migrationTableSchema?: string }> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return {};
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  return schema === undefined ? {} : { migrationTableSchema: schema };
}

/**
 * Brings the schema up to date in one transaction on both dialects: a migration that fails
 * leaves the database exactly as it was.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  provided: Record<string, Migration> = migrations,
): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => provided };
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
    ...(await currentPostgresSchema(db)),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`migration ${failed} failed, nothing was changed: ${reason}`);
  }
  return (results ?? [])
    .filter((result) => result.status === 'Success')
    .map((result) => result.migrationName);
}
