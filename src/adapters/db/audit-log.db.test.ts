import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tamperWithAuditEntry } from '../../../test/support/tamper.ts';
import { type TestDatabase, testDialects } from '../../../test/support/test-databases.ts';
import { verifyAuditLog } from '../../app/audit/verify-audit-log.ts';
import type { Ports } from '../../app/ports/ports.ts';
import { buildPorts } from '../../server/container.ts';

describe.each(testDialects())('audit log [$name]', (dialect) => {
  let database: TestDatabase;
  let ports: Ports;

  beforeEach(async () => {
    database = await dialect.open();
    ports = buildPorts(database);
  });
  afterEach(async () => {
    await database.close();
  });

  async function appendReads(orgId: string, count: number) {
    for (let index = 0; index < count; index++) {
      await ports.unitOfWork.run((repositories) =>
        repositories.auditLog.append(
          {
            orgId,
            actorUserId: 'u-1',
            action: 'case.read',
            subjectType: 'case',
            subjectId: `case-${index}`,
            details: { fields: 'name,phone' },
          },
          ports.ids.newId(),
          new Date(),
        ),
      );
    }
  }

  it('chains entries per organisation and verifies them', async () => {
    await appendReads('org-a', 5);
    await appendReads('org-b', 3);
    const results = await verifyAuditLog(ports);
    expect(
      results.map(({ orgId, entries, chainBreak }) => ({ orgId, entries, chainBreak })),
    ).toEqual([
      { orgId: 'org-a', entries: 5, chainBreak: null },
      { orgId: 'org-b', entries: 3, chainBreak: null },
    ]);
  });

  it('refuses to update or delete an entry', async () => {
    await appendReads('org-a', 2);
    await expect(
      database.db
        .updateTable('audit_log')
        .set({ subject_id: 'other' })
        .where('seq', '=', 1)
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(
      database.db.deleteFrom('audit_log').where('seq', '=', 2).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('reports an entry edited behind the triggers’ back', async () => {
    await appendReads('org-a', 4);
    await tamperWithAuditEntry(database, 2, 'case-someone-else');
    const [result] = await verifyAuditLog(ports);
    expect(result?.chainBreak).toEqual({ seq: 2, reason: 'hash-mismatch' });
  });

  it('keeps one unbroken chain when many appends race', async () => {
    await Promise.all(Array.from({ length: 4 }, () => appendReads('org-a', 5)));
    const [result] = await verifyAuditLog(ports);
    expect(result).toMatchObject({ entries: 20, chainBreak: null });
  });

  it('drops the audit entry together with a change that fails', async () => {
    await expect(
      ports.unitOfWork.run(async (repositories) => {
        await repositories.auditLog.append(
          {
            orgId: 'org-a',
            actorUserId: null,
            action: 'user.invited',
            subjectType: null,
            subjectId: null,
            details: {},
          },
          ports.ids.newId(),
          new Date(),
        );
        throw new Error('the change itself failed');
      }),
    ).rejects.toThrow('the change itself failed');
    expect(await verifyAuditLog(ports)).toEqual([]);
  });
});
