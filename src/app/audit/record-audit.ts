import type { AuditEvent } from '../../domain/audit/audit-entry.ts';
import type { Ports } from '../ports/ports.ts';
import type { Repositories } from '../ports/repositories.ts';

/** Appends an audit entry inside the transaction of the change it records. */
export async function recordAudit(
  repositories: Repositories,
  deps: Pick<Ports, 'ids'>,
  at: Date,
  event: Omit<AuditEvent, 'details' | 'subjectType' | 'subjectId'> &
    Partial<Pick<AuditEvent, 'details' | 'subjectType' | 'subjectId'>>,
): Promise<void> {
  await repositories.auditLog.append(
    {
      subjectType: null,
      subjectId: null,
      details: {},
      ...event,
    },
    deps.ids.newId(),
    at,
  );
}
