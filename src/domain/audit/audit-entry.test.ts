import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type AuditEntry,
  auditChainInput,
  auditGenesisHash,
  findAuditChainBreak,
} from './audit-entry.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function buildChain(length: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prevHash = auditGenesisHash;
  for (let seq = 1; seq <= length; seq++) {
    const unhashed = {
      orgId: 'org-1',
      seq,
      id: `e-${seq}`,
      at: new Date(Date.UTC(2026, 10, 29, 10, seq)),
      actorUserId: 'u-1',
      action: 'case.read' as const,
      subjectType: 'case',
      subjectId: `c-${seq}`,
      details: { b: 1, a: 'x' },
      prevHash,
    };
    const entry = { ...unhashed, hash: sha256(auditChainInput(unhashed)) };
    entries.push(entry);
    prevHash = entry.hash;
  }
  return entries;
}

describe('findAuditChainBreak', () => {
  it('accepts an intact chain', () => {
    expect(findAuditChainBreak(buildChain(5), sha256)).toBeNull();
  });

  it('finds an entry whose content was edited', () => {
    const chain = buildChain(5);
    chain[2] = { ...(chain[2] as AuditEntry), subjectId: 'c-99' };
    expect(findAuditChainBreak(chain, sha256)).toEqual({ seq: 3, reason: 'hash-mismatch' });
  });

  it('finds an entry that was deleted', () => {
    const chain = buildChain(5);
    chain.splice(1, 1);
    expect(findAuditChainBreak(chain, sha256)).toEqual({ seq: 2, reason: 'gap' });
  });

  it('finds an entry rewritten together with its own hash', () => {
    const chain = buildChain(5);
    const forged = { ...(chain[3] as AuditEntry), prevHash: auditGenesisHash };
    chain[3] = { ...forged, hash: sha256(auditChainInput(forged)) };
    expect(findAuditChainBreak(chain, sha256)).toEqual({ seq: 4, reason: 'broken-link' });
  });

  it('does not depend on the order details were written in', () => {
    const [entry] = buildChain(1) as [AuditEntry];
    expect(auditChainInput({ ...entry, details: { a: 'x', b: 1 } })).toBe(auditChainInput(entry));
  });
});
