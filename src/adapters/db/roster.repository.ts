import type { Kysely, Selectable } from 'kysely';
import type { RosterRepository } from '../../app/ports/repositories.ts';
import type { Shift } from '../../domain/roster/shift.ts';
import { fromIso, toIso } from './columns.ts';
import type { Database, ShiftsTable } from './database.ts';

function shiftOf(row: Selectable<ShiftsTable>): Shift {
  return {
    id: row.id,
    orgId: row.org_id,
    userId: row.user_id,
    startsAt: fromIso(row.starts_at),
    endsAt: fromIso(row.ends_at),
    region: row.region,
  };
}

export function rosterRepository(db: Kysely<Database>): RosterRepository {
  return {
    async insertShift(shift, change) {
      await db
        .insertInto('shifts')
        .values({
          id: shift.id,
          org_id: shift.orgId,
          user_id: shift.userId,
          starts_at: toIso(shift.startsAt),
          ends_at: toIso(shift.endsAt),
          region: shift.region,
          created_by: change.by,
          created_at: toIso(change.at),
        })
        .execute();
    },

    async updateShift(shift) {
      const result = await db
        .updateTable('shifts')
        .set({
          user_id: shift.userId,
          starts_at: toIso(shift.startsAt),
          ends_at: toIso(shift.endsAt),
          region: shift.region,
        })
        .where('org_id', '=', shift.orgId)
        .where('id', '=', shift.id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async deleteShift(orgId, shiftId) {
      const result = await db
        .deleteFrom('shifts')
        .where('org_id', '=', orgId)
        .where('id', '=', shiftId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async findShift(orgId, shiftId) {
      const row = await db
        .selectFrom('shifts')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', shiftId)
        .executeTakeFirst();
      return row === undefined ? null : shiftOf(row);
    },

    async listShifts(orgId, period) {
      const rows = await db
        .selectFrom('shifts')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('starts_at', '<', toIso(period.to))
        .where('ends_at', '>', toIso(period.from))
        .orderBy('starts_at')
        .orderBy('id')
        .execute();
      return rows.map(shiftOf);
    },

    async findEscalationMinutes(orgId) {
      const row = await db
        .selectFrom('response_settings')
        .select('escalation_minutes')
        .where('org_id', '=', orgId)
        .executeTakeFirst();
      return row?.escalation_minutes ?? null;
    },

    async setEscalationMinutes(orgId, minutes, change) {
      const values = {
        escalation_minutes: minutes,
        updated_by: change.by,
        updated_at: toIso(change.at),
      };
      await db
        .insertInto('response_settings')
        .values({ org_id: orgId, ...values })
        .onConflict((conflict) => conflict.column('org_id').doUpdateSet(values))
        .execute();
    },
  };
}
