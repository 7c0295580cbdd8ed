/** Background work the server does later: escalating an unanswered alert, delivering a page. */
export const jobKinds = ['alert.escalate', 'alert.deliver'] as const;
export type JobKind = (typeof jobKinds)[number];

/** Payloads hold ids only: a job row says which record to act on, never what it contains. */
export type JobPayload = Readonly<Record<string, string | number>>;

export type NewJob = {
  orgId: string;
  kind: JobKind;
  payload: JobPayload;
  runAt: Date;
  /** The same key twice is one job: enqueueing is safe to repeat. */
  idempotencyKey: string;
};

export type ClaimedJob = NewJob & {
  id: string;
  /** This claim included: the first run is attempt 1. */
  attempts: number;
};

/** Enqueueing, inside the transaction of the change that needs the job: both commit, or neither. */
export interface JobRepository {
  /** False when a job with the same idempotency key exists already. */
  enqueue(id: string, job: NewJob, now: Date): Promise<boolean>;
}

/**
 * The runner's side of the database-backed queue. A claim is a lease: a runner that dies holding
 * a job loses it when the lease runs out, and another runner takes it. Several runners on one
 * database never hold the same job at once.
 */
export interface JobQueue {
  /** The oldest due job nobody holds, leased to this runner; null when none is due. */
  claimNext(runnerId: string, now: Date, leaseMs: number): Promise<ClaimedJob | null>;
  /** False when the lease was lost to another runner meanwhile. */
  complete(jobId: string, runnerId: string, now: Date): Promise<boolean>;
  retryAt(jobId: string, runnerId: string, runAt: Date, error: string): Promise<boolean>;
  fail(jobId: string, runnerId: string, now: Date, error: string): Promise<boolean>;
}
