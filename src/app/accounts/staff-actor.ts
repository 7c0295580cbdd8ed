import { type Action, type Actor, can, type Subject } from '../../domain/access/can.ts';
import { AppError } from '../app-error.ts';

/**
 * Who asks for an administrative change: a logged-in staff member, or the operator of the
 * server at its command line, who is trusted as the owner of the machine.
 */
export type StaffActor = Actor | { system: 'cli' };

export function authorise(actor: StaffActor, action: Action, subject: Subject): void {
  if ('system' in actor) return;
  if (!can(actor, action, subject)) throw new AppError('FORBIDDEN', `${action} refused`);
}

/** The actor's id for the audit log, and how the change was made. */
export function auditActor(actor: StaffActor): {
  actorUserId: string | null;
  details: Record<string, string>;
} {
  return 'system' in actor
    ? { actorUserId: null, details: { via: actor.system } }
    : { actorUserId: actor.userId, details: {} };
}
