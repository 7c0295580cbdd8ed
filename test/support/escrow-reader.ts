import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { HabeasDatabase } from '../../src/adapters/db/database.ts';
import { openEscrow } from '../../src/app/organisations/escrow.ts';
import { buildPorts } from '../../src/server/container.ts';

/** What a case holds in clear once opened: the person's name, and the report's answers. */
export type OpenedCase = {
  caseId: string;
  caseCode: string | null;
  fullNames: string[];
  answers: Record<string, unknown> | null;
};

/** The demo organisation's escrow private key, which the demo leaves in its data dir. */
export function demoEscrowKey(dataDir: string): string {
  return readFileSync(path.join(dataDir, 'demo-escrow.key'), 'utf8').trim();
}

/**
 * Opens every live case of the only organisation with its escrow key, straight from storage, as
 * an organisation recovering its data would. A case that does not open is listed in `failed`.
 */
export async function openEveryCaseWithEscrow(
  database: HabeasDatabase,
  escrowPrivateKey: string,
): Promise<{ opened: OpenedCase[]; failed: string[] }> {
  const ports = buildPorts(database);
  // Listed before the transaction: SQLite has one connection, which the transaction holds.
  const caseIds = await database.db
    .selectFrom('case_files')
    .select('id')
    .where('status', '<>', 'deleted')
    .execute();
  return ports.unitOfWork.run(async (repositories) => {
    const [organisation, ...others] = await repositories.organisations.list();
    if (organisation === undefined || others.length > 0) throw new Error('expected one org');
    const escrow = await openEscrow(repositories, ports, organisation.id, escrowPrivateKey);
    const opened: OpenedCase[] = [];
    const failed: string[] = [];
    for (const { id } of caseIds) {
      try {
        const caseFile = await repositories.caseFiles.findFrame(organisation.id, id);
        if (caseFile === null) throw new Error('no frame');
        const persons = await repositories.caseFiles.openPersons(caseFile, escrow);
        if (persons === null) throw new Error('no escrow wrap');
        const [report = null] = (await repositories.caseFiles.openReports(caseFile, escrow)) ?? [];
        opened.push({
          caseId: id,
          caseCode: report?.caseCode ?? null,
          fullNames: persons.map((person) => person.fullName),
          answers: report === null ? null : { ...report.personalAnswers },
        });
      } catch (error) {
        failed.push(`case ${id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return { opened, failed };
  });
}
