import {
  type AuditChainBreak,
  type AuditEntry,
  findAuditChainBreak,
} from '../../domain/audit/audit-entry.ts';
import type { Ports } from '../ports/ports.ts';

export type AuditVerification = {
  orgId: string;
  entries: number;
  chainBreak: AuditChainBreak | null;
};

/** Re-computes every organisation's hash chain and reports where, if anywhere, it breaks. */
export async function verifyAuditLog(
  deps: Pick<Ports, 'unitOfWork' | 'hashing'>,
): Promise<AuditVerification[]> {
  return deps.unitOfWork.run(async (repositories) => {
    const results: AuditVerification[] = [];
    for (const orgId of await repositories.auditLog.listOrganisationIds()) {
      const entries: AuditEntry[] = [];
      for await (const entry of repositories.auditLog.readChain(orgId)) entries.push(entry);
      results.push({
        orgId,
        entries: entries.length,
        chainBreak: findAuditChainBreak(entries, (text) => deps.hashing.sha256Hex(text)),
      });
    }
    return results;
  });
}
