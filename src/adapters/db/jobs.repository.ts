import type { Kysely } from 'kysely';
import type {
  ClaimedJob,
  JobKind,
  JobQueue,
  JobRepository,
  NewJob,
} from '../../app/ports/job-queue.ts';
import { toIso } from './columns.ts';
import type { Database, DialectName, JobsTable } from './database.ts';

/** Enqueues in the caller's transaction; a repeated idempotency key is ignored. */
export function jobsRepository(db: Kysely<Database>): JobRepository {
  return {
    async enqueue(id: string, job: NewJob, now: Date) {
      const result = await db
        .insertInto('jobs')
        .values({
          id,
          org_id: job.orgId,
          kind: job.kind,
          payload: JSON.stringify(job.payload),
          idempotency_key: job.idempotencyKey,
          run_at: toIso(job.runAt),
          status: 'pending',
          attempts: 0,
          claimed_by: null,
          claimed_until: null,
          last_error: null,
          created_at: toIso(now),
          finished_at: null,
        })
        .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
  };
}

function claimedJob(row: JobsTable): ClaimedJob {
  return {
    id: row.id,
    orgId: row.org_id,
    kind: row.kind as JobKind,
    payload: JSON.parse(row.payload),
    runAt: new Date(row.run_at),
    idempotencyKey: row.idempotency_key,
    attempts: row.attempts,
  };
}

/** Errors are cut short: they are for the operator, and a long one is a stack trace. */
function shortError(error: string): string {
  return error.slice(0, 200);
}

/**
 * The queue on either dialect. A claim is one `UPDATE … WHERE id = (SELECT … LIMIT 1) RETURNING`:
 * on PostgreSQL the inner select takes the row `FOR UPDATE SKIP LOCKED`, so concurrent runners
 * pass over each other's rows instead of waiting; on SQLite every write transaction holds the
 * single write lock from its start, so two claims never interleave. Either way the outer WHERE
 * checks the lease again, and a job is held by one runner at a time.
 */
export function kyselyJobQueue(database: { db: Kysely<Database>; dialect: DialectName }): JobQueue {
  const { db, dialect } = database;

  function ownedBy(jobId: string, runnerId: string) {
    return db
      .updateTable('jobs')
      .where('id', '=', jobId)
      .where('claimed_by', '=', runnerId)
      .where('status', '=', 'pending');
  }

  return {
    async claimNext(runnerId, now, leaseMs) {
      const nowIso = toIso(now);
      return db.transaction().execute(async (transaction) => {
        let due = transaction
          .selectFrom('jobs')
          .select('id')
          .where('status', '=', 'pending')
          .where('run_at', '<=', nowIso)
          .where((where) =>
            where.or([where('claimed_until', 'is', null), where('claimed_until', '<', nowIso)]),
          )
          .orderBy('run_at')
          .orderBy('id')
          .limit(1);
        if (dialect === 'postgres') due = due.forUpdate().skipLocked();
        const candidate = await due.executeTakeFirst();
        if (candidate === undefined) return null;
        const row = await transaction
          .updateTable('jobs')
          .set((set) => ({
            claimed_by: runnerId,
            claimed_until: toIso(new Date(now.getTime() + leaseMs)),
            attempts: set('attempts', '+', 1),
          }))
          .where('id', '=', candidate.id)
          .where('status', '=', 'pending')
          .where((where) =>
            where.or([where('claimed_until', 'is', null), where('claimed_until', '<', nowIso)]),
          )
          .returningAll()
          .executeTakeFirst();
        return row === undefined ? null : claimedJob(row);
      });
    },

    async complete(jobId, runnerId, now) {
      const result = await ownedBy(jobId, runnerId)
        .set({ status: 'done', finished_at: toIso(now), claimed_until: null })
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async retryAt(jobId, runnerId, runAt, error) {
      const result = await ownedBy(jobId, runnerId)
        .set({
          run_at: toIso(runAt),
          claimed_by: null,
          claimed_until: null,
          last_error: shortError(error),
        })
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async fail(jobId, runnerId, now, error) {
      const result = await ownedBy(jobId, runnerId)
        .set({
          status: 'failed',
          finished_at: toIso(now),
          claimed_until: null,
          last_error: shortError(error),
        })
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
