import type { Kysely } from 'kysely';
import type { RuleSettingsRepository } from '../../app/ports/repositories.ts';
import { fromIso, toIso } from './columns.ts';
import type { Database } from './database.ts';

export function ruleSettingsRepository(db: Kysely<Database>): RuleSettingsRepository {
  return {
    async listChoices(orgId) {
      const rows = await db
        .selectFrom('rule_choices')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('rule_id')
        .execute();
      return rows.map((row) => ({
        orgId: row.org_id,
        ruleId: row.rule_id,
        choice: row.choice,
        note: row.note,
        setBy: row.set_by,
        setAt: fromIso(row.set_at),
      }));
    },

    async setChoice(choice) {
      await db
        .deleteFrom('rule_choices')
        .where('org_id', '=', choice.orgId)
        .where('rule_id', '=', choice.ruleId)
        .execute();
      await db
        .insertInto('rule_choices')
        .values({
          org_id: choice.orgId,
          rule_id: choice.ruleId,
          choice: choice.choice,
          note: choice.note,
          set_by: choice.setBy,
          set_at: toIso(choice.setAt),
        })
        .execute();
    },

    async clearChoice(orgId, ruleId) {
      await db
        .deleteFrom('rule_choices')
        .where('org_id', '=', orgId)
        .where('rule_id', '=', ruleId)
        .execute();
    },

    async listDisputes(orgId) {
      const rows = await db
        .selectFrom('rule_disputes')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('raised_at')
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        orgId: row.org_id,
        ruleId: row.rule_id,
        versionId: row.version_id,
        note: row.note,
        raisedBy: row.raised_by,
        raisedAt: fromIso(row.raised_at),
      }));
    },

    async addDispute(dispute) {
      await db
        .insertInto('rule_disputes')
        .values({
          id: dispute.id,
          org_id: dispute.orgId,
          rule_id: dispute.ruleId,
          version_id: dispute.versionId,
          note: dispute.note,
          raised_by: dispute.raisedBy,
          raised_at: toIso(dispute.raisedAt),
        })
        .execute();
    },
  };
}
