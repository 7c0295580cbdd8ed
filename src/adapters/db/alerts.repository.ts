import type { Kysely, Selectable } from 'kysely';
import type { AlertRepository } from '../../app/ports/repositories.ts';
import type {
  Alert,
  AlertChannelName,
  AlertDelivery,
  AlertDeliveryStatus,
  AlertPage,
  AlertReason,
  AlertStatus,
  AlertStepKind,
} from '../../domain/alerts/alert.ts';
import { fromIso, fromIsoOrNull, toIso, toIsoOrNull } from './columns.ts';
import type { AlertDeliveriesTable, AlertPagesTable, AlertsTable, Database } from './database.ts';

function alertOf(row: Selectable<AlertsTable>): Alert {
  return {
    id: row.id,
    orgId: row.org_id,
    caseId: row.case_id,
    caseCode: row.case_code,
    placeId: row.place_id,
    reason: row.reason as AlertReason,
    raisedAt: fromIso(row.raised_at),
    status: row.status as AlertStatus,
    level: row.level,
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: fromIsoOrNull(row.acknowledged_at),
  };
}

function pageOf(row: Selectable<AlertPagesTable>): AlertPage {
  return {
    id: row.id,
    orgId: row.org_id,
    alertId: row.alert_id,
    userId: row.user_id,
    level: row.level,
    pagedAt: fromIso(row.paged_at),
  };
}

function deliveryOf(row: Selectable<AlertDeliveriesTable>): AlertDelivery {
  return {
    id: row.id,
    orgId: row.org_id,
    alertId: row.alert_id,
    pageId: row.page_id,
    channel: row.channel as AlertChannelName,
    status: row.status as AlertDeliveryStatus,
    attempts: row.attempts,
    sentAt: fromIsoOrNull(row.sent_at),
  };
}

export function alertsRepository(db: Kysely<Database>): AlertRepository {
  return {
    async insert(alert) {
      await db
        .insertInto('alerts')
        .values({
          id: alert.id,
          org_id: alert.orgId,
          case_id: alert.caseId,
          case_code: alert.caseCode,
          place_id: alert.placeId,
          reason: alert.reason,
          raised_at: toIso(alert.raisedAt),
          status: alert.status,
          level: alert.level,
          acknowledged_by: alert.acknowledgedBy,
          acknowledged_at: toIsoOrNull(alert.acknowledgedAt),
        })
        .execute();
    },

    async findById(orgId, alertId) {
      const row = await db
        .selectFrom('alerts')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', alertId)
        .executeTakeFirst();
      return row === undefined ? null : alertOf(row);
    },

    async advance(alert, fromLevel) {
      const result = await db
        .updateTable('alerts')
        .set({ level: fromLevel + 1 })
        .where('org_id', '=', alert.orgId)
        .where('id', '=', alert.id)
        .where('status', '=', 'open')
        .where('level', '=', fromLevel)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async acknowledge(alert, userId, at) {
      const result = await db
        .updateTable('alerts')
        .set({ status: 'acknowledged', acknowledged_by: userId, acknowledged_at: toIso(at) })
        .where('org_id', '=', alert.orgId)
        .where('id', '=', alert.id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async listOpen(orgId) {
      const rows = await db
        .selectFrom('alerts')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('status', '=', 'open')
        .orderBy('raised_at')
        .orderBy('id')
        .execute();
      return rows.map(alertOf);
    },

    async listOfCase(orgId, caseId) {
      const rows = await db
        .selectFrom('alerts')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('case_id', '=', caseId)
        .orderBy('raised_at')
        .orderBy('id')
        .execute();
      return rows.map(alertOf);
    },

    async addPage(page) {
      await db
        .insertInto('alert_pages')
        .values({
          id: page.id,
          org_id: page.orgId,
          alert_id: page.alertId,
          user_id: page.userId,
          level: page.level,
          paged_at: toIso(page.pagedAt),
          ack_token_hash: null,
          ack_token_expires_at: null,
        })
        .execute();
    },

    async listPages(orgId, alertIds) {
      if (alertIds.length === 0) return [];
      const rows = await db
        .selectFrom('alert_pages')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('alert_id', 'in', alertIds)
        .orderBy('level')
        .orderBy('paged_at')
        .orderBy('id')
        .execute();
      return rows.map(pageOf);
    },

    async setAckToken(page, tokenHash, expiresAt) {
      await db
        .updateTable('alert_pages')
        .set({ ack_token_hash: tokenHash, ack_token_expires_at: toIso(expiresAt) })
        .where('org_id', '=', page.orgId)
        .where('id', '=', page.id)
        .execute();
    },

    async findPageByAckToken(tokenHash) {
      const row = await db
        .selectFrom('alert_pages')
        .selectAll()
        .where('ack_token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (row === undefined || row.ack_token_expires_at === null) return null;
      return { page: pageOf(row), expiresAt: fromIso(row.ack_token_expires_at) };
    },

    async spendAckToken(page) {
      const result = await db
        .updateTable('alert_pages')
        .set({ ack_token_hash: null, ack_token_expires_at: null })
        .where('org_id', '=', page.orgId)
        .where('id', '=', page.id)
        .where('ack_token_hash', 'is not', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async addDelivery(delivery) {
      await db
        .insertInto('alert_deliveries')
        .values({
          id: delivery.id,
          org_id: delivery.orgId,
          alert_id: delivery.alertId,
          page_id: delivery.pageId,
          channel: delivery.channel,
          status: delivery.status,
          attempts: delivery.attempts,
          sent_at: toIsoOrNull(delivery.sentAt),
        })
        .execute();
    },

    async findDelivery(orgId, deliveryId) {
      const row = await db
        .selectFrom('alert_deliveries')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', deliveryId)
        .executeTakeFirst();
      return row === undefined ? null : deliveryOf(row);
    },

    async recordDeliveryAttempt(delivery, outcome) {
      await db
        .updateTable('alert_deliveries')
        .set((set) => ({
          status: outcome.status,
          attempts: set('attempts', '+', 1),
          sent_at: outcome.status === 'sent' ? toIso(outcome.at) : null,
        }))
        .where('org_id', '=', delivery.orgId)
        .where('id', '=', delivery.id)
        .execute();
    },

    async listDeliveries(orgId, alertIds) {
      if (alertIds.length === 0) return [];
      const rows = await db
        .selectFrom('alert_deliveries')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('alert_id', 'in', alertIds)
        .orderBy('id')
        .execute();
      return rows.map(deliveryOf);
    },

    async addStep(step) {
      await db
        .insertInto('alert_steps')
        .values({
          id: step.id,
          org_id: step.orgId,
          alert_id: step.alertId,
          case_id: step.caseId,
          kind: step.kind,
          at: toIso(step.at),
          user_id: step.userId,
          channel: step.channel,
          attempt: step.attempt,
        })
        .execute();
    },

    async listStepsOfCase(orgId, caseId) {
      const rows = await db
        .selectFrom('alert_steps')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('case_id', '=', caseId)
        .orderBy('at')
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        orgId: row.org_id,
        alertId: row.alert_id,
        caseId: row.case_id,
        kind: row.kind as AlertStepKind,
        at: fromIso(row.at),
        userId: row.user_id,
        channel: row.channel as AlertChannelName | null,
        attempt: row.attempt,
      }));
    },
  };
}
