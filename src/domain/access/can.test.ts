import { describe, expect, it } from 'vitest';
import { type Actor, can } from './can.ts';

const org = 'org-1';
const actor = (roles: Actor['roles'], userId = 'u-1'): Actor => ({ userId, orgId: org, roles });
const caseOf = (assigneeIds: string[]) => ({ type: 'case' as const, orgId: org, assigneeIds });

describe('can', () => {
  it('never lets anyone act on another organisation', () => {
    const admin = actor(['admin', 'coordinator']);
    expect(can(admin, 'user.manage', { type: 'organisation', orgId: 'org-2' })).toBe(false);
    expect(can(admin, 'case.read', { type: 'case', orgId: 'org-2', assigneeIds: ['u-1'] })).toBe(
      false,
    );
  });

  it('lets a lawyer read only the cases assigned to him', () => {
    const lawyer = actor(['lawyer']);
    expect(can(lawyer, 'case.read', caseOf(['u-1']))).toBe(true);
    expect(can(lawyer, 'case.read', caseOf(['u-2']))).toBe(false);
  });

  it('lets a coordinator read every case of the organisation', () => {
    expect(can(actor(['coordinator']), 'case.read', caseOf([]))).toBe(true);
  });

  it('keeps unassigned case files closed to admins', () => {
    expect(can(actor(['admin']), 'case.read', caseOf([]))).toBe(false);
    expect(can(actor(['admin']), 'user.manage', { type: 'organisation', orgId: org })).toBe(true);
  });

  it('lets staff revoke their own sessions but nobody else’s unless admin', () => {
    const self = { type: 'user' as const, orgId: org, userId: 'u-1' };
    const other = { type: 'user' as const, orgId: org, userId: 'u-2' };
    expect(can(actor(['volunteer']), 'session.revoke', self)).toBe(true);
    expect(can(actor(['volunteer']), 'session.revoke', other)).toBe(false);
    expect(can(actor(['admin']), 'session.revoke', other)).toBe(true);
  });

  it('combines roles: any one that grants the action is enough', () => {
    expect(
      can(actor(['volunteer', 'admin']), 'audit.read', { type: 'organisation', orgId: org }),
    ).toBe(true);
    expect(can(actor(['volunteer']), 'audit.read', { type: 'organisation', orgId: org })).toBe(
      false,
    );
  });

  it('lets every role list places, most add or edit them, and only admins and coordinators confirm', () => {
    const organisation = { type: 'organisation' as const, orgId: org };
    expect(can(actor(['volunteer']), 'place.list', organisation)).toBe(true);
    expect(can(actor(['admin']), 'place.list', organisation)).toBe(true);
    expect(can(actor(['volunteer']), 'place.edit', organisation)).toBe(false);
    expect(can(actor(['lawyer']), 'place.edit', organisation)).toBe(true);
    expect(can(actor(['lawyer']), 'place.manage', organisation)).toBe(false);
    expect(can(actor(['operator']), 'place.manage', organisation)).toBe(false);
    expect(can(actor(['coordinator']), 'place.manage', organisation)).toBe(true);
    expect(can(actor(['admin']), 'place.manage', organisation)).toBe(true);
  });

  it('lets coordinators edit the roster, and every staff member see it and the board', () => {
    const organisation = { type: 'organisation' as const, orgId: org };
    expect(can(actor(['coordinator']), 'roster.manage', organisation)).toBe(true);
    expect(can(actor(['lawyer']), 'roster.manage', organisation)).toBe(false);
    expect(can(actor(['volunteer']), 'roster.read', organisation)).toBe(true);
    expect(can(actor(['lawyer']), 'board.read', organisation)).toBe(true);
    expect(can(actor(['admin']), 'board.read', organisation)).toBe(false);
  });
});
