import { type Action, type Actor, can, type Subject } from '../../domain/access/can.ts';
import type { AuditAction, AuditEvent } from '../../domain/audit/audit-entry.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports/ports.ts';
import type { Repositories } from '../ports/repositories.ts';

/**
 * Who asks for an administrative change: a logged-in staff member, or the operator of the
 * server at its command line, who is trusted as the owner of the machine.
 */
export type StaffActor = Actor | { system: 'cli' };

export function authorise(actor: StaffActor, action: Action, subject: Subject): void {
  if ('system' in actor) return;
  if (!can(actor, action, subject)) throw new AppError('FORBIDDEN', `${action} refused`);
}

/**
 * Audits an administrative change to a staff account: by whom (a user, or the command line)
 * and to whom.
 */
export async function recordStaffChange(
  repositories: Repositories,
  deps: Pick<Ports, 'ids'>,
  now: Date,
  actor: StaffActor,
  change: { orgId: string; action: AuditAction; userId: string; details?: AuditEvent['details'] },
): Promise<void> {
  await recordAudit(repositories, deps, now, {
    orgId: change.orgId,
    actorUserId: 'system' in actor ? null : actor.userId,
    action: change.action,
    subjectType: 'user',
    subjectId: change.userId,
    details: { ...('system' in actor ? { via: actor.system } : {}), ...change.details },
  });
}
