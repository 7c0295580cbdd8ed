import type { Role } from './roles.ts';

/** Someone acting as staff of an organisation, after login and second factor. */
export type Actor = {
  userId: string;
  orgId: string;
  roles: readonly Role[];
};

/** What an action is about. Case subjects carry who is assigned, for per-case access. */
export type Subject =
  | { type: 'organisation'; orgId: string }
  | { type: 'user'; orgId: string; userId: string }
  | { type: 'case'; orgId: string; assigneeIds: readonly string[] };

export type Action =
  | 'organisation.manage'
  | 'user.list'
  | 'user.manage'
  | 'audit.read'
  | 'session.revoke'
  | 'case.list'
  | 'case.create'
  | 'case.read'
  | 'case.update'
  | 'case.assign'
  | 'case.merge'
  | 'case.delete'
  | 'case.publish'
  | 'rules.manage'
  | 'rules.dispute'
  | 'place.list'
  | 'place.edit'
  | 'place.manage'
  | 'roster.read'
  | 'roster.manage'
  | 'board.read'
  | 'alert.manage';

type Grant = 'any' | 'assigned' | 'self';

/**
 * Who may do what. `any`: every subject of the organisation; `assigned`: cases the actor is
 * assigned to; `self`: the actor's own account. Admins run the organisation but do not read case
 * files unless assigned: the fewer people who can open a file, the less a seized account reveals.
 */
const grants: Record<Action, Partial<Record<Role, Grant>>> = {
  'organisation.manage': { admin: 'any' },
  'user.list': { admin: 'any', coordinator: 'any' },
  'user.manage': { admin: 'any' },
  'audit.read': { admin: 'any' },
  'session.revoke': {
    admin: 'any',
    coordinator: 'self',
    lawyer: 'self',
    operator: 'self',
    volunteer: 'self',
  },
  'case.list': { coordinator: 'any', lawyer: 'assigned', operator: 'any', volunteer: 'assigned' },
  'case.create': { coordinator: 'any', lawyer: 'any', operator: 'any' },
  'case.read': {
    admin: 'assigned',
    coordinator: 'any',
    lawyer: 'assigned',
    operator: 'assigned',
    volunteer: 'assigned',
  },
  'case.update': { coordinator: 'any', lawyer: 'assigned', operator: 'assigned' },
  'case.assign': { coordinator: 'any' },
  // Merging widens who can read both cases' records: the coordinators' call.
  'case.merge': { coordinator: 'any' },
  // Deleting destroys the case's key for good (crypto-shredding): retention is the admins' and
  // coordinators' call.
  'case.delete': { admin: 'any', coordinator: 'any' },
  // Consent to count a case in public statistics is the organisation's call, as merging is.
  'case.publish': { coordinator: 'any' },
  // Which version of a disputed rule applies is a legal judgement for the organisation.
  'rules.manage': { admin: 'any', coordinator: 'any' },
  'rules.dispute': { admin: 'any', coordinator: 'any', lawyer: 'any' },
  // Places hold no personal data: every role sees the list, admins included, who keep it.
  'place.list': {
    admin: 'any',
    coordinator: 'any',
    lawyer: 'any',
    operator: 'any',
    volunteer: 'any',
  },
  // Whoever records where things happen may add a place the list lacks or fix one; the edit
  // stays unverified until someone with place.manage confirms it.
  'place.edit': { admin: 'any', coordinator: 'any', lawyer: 'any', operator: 'any' },
  'place.manage': { admin: 'any', coordinator: 'any' },
  // Everyone on staff may see who is on duty now: that is whom to call.
  'roster.read': {
    admin: 'any',
    coordinator: 'any',
    lawyer: 'any',
    operator: 'any',
    volunteer: 'any',
  },
  'roster.manage': { admin: 'any', coordinator: 'any' },
  // The board shows case codes, places and times, never a name: everyone who works cases sees it.
  'board.read': { coordinator: 'any', lawyer: 'any', operator: 'any', volunteer: 'any' },
  // Acknowledging an alert that was paged to someone else: taking it over.
  'alert.manage': { coordinator: 'any' },
};

function grantCovers(grant: Grant, actor: Actor, subject: Subject): boolean {
  switch (grant) {
    case 'any':
      return true;
    case 'assigned':
      return subject.type === 'case' ? subject.assigneeIds.includes(actor.userId) : true;
    case 'self':
      return subject.type === 'user' && subject.userId === actor.userId;
  }
}

/**
 * The single authorisation decision. Nothing crosses organisations; within one, any of the
 * actor's roles may grant the action.
 */
export function can(actor: Actor, action: Action, subject: Subject): boolean {
  if (subject.orgId !== actor.orgId) return false;
  const byRole = grants[action];
  return actor.roles.some((role) => {
    const grant = byRole[role];
    return grant !== undefined && grantCovers(grant, actor, subject);
  });
}
