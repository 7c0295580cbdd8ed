import { deliverAlert } from '../../app/alerts/deliver-alert.ts';
import { escalateAlert } from '../../app/alerts/escalate-alert.ts';
import type { ClaimedJob } from '../../app/ports/job-queue.ts';
import type { Ports } from '../../app/ports/ports.ts';
import type { JobHandlers } from './job-runner.ts';

function text(job: ClaimedJob, field: string): string {
  const value = job.payload[field];
  if (typeof value !== 'string') throw new Error(`job ${job.kind} lacks ${field}`);
  return value;
}

function whole(job: ClaimedJob, field: string): number {
  const value = job.payload[field];
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw new Error(`job ${job.kind} lacks ${field}`);
  return value;
}

/** The handlers of alert jobs: each step of an escalation, and each delivery on each channel. */
export function alertJobHandlers(ports: Ports): JobHandlers {
  return {
    async 'alert.escalate'(job) {
      await escalateAlert(ports, {
        orgId: job.orgId,
        alertId: text(job, 'alertId'),
        level: whole(job, 'level'),
      });
      return undefined;
    },
    async 'alert.deliver'(job) {
      const outcome = await deliverAlert(ports, {
        orgId: job.orgId,
        deliveryId: text(job, 'deliveryId'),
      });
      return outcome.kind === 'retry' ? { retryAt: outcome.at } : undefined;
    },
  };
}
