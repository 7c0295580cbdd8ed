import { can } from '../../domain/access/can.ts';
import type { CaseFile } from '../../domain/cases/case-file.ts';
import { emptyDraftMatter } from '../../domain/cases/draft-matter.ts';
import { caseExportTable, type ExportedCase } from '../../domain/imports/case-export.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { recordCaseRead } from '../cases/read-case-file.ts';
import { SealedDataError } from '../ports/key-crypto.ts';
import type { Ports } from '../ports/ports.ts';
import type { Repositories } from '../ports/repositories.ts';

/** Cases opened per transaction: each page's reads commit with their audit entries. */
const pageSize = 200;

export type CasesExport = {
  file: Uint8Array;
  fileName: string;
  exported: number;
  /** Cases the reader may see but holds no key to (opened before he joined, not shared). */
  unopened: number;
  /** Cases whose sealed data failed its check: left out, and audited as such. */
  refused: number;
};

type Opened =
  | { kind: 'opened'; exported: ExportedCase }
  | { kind: 'unopened' }
  | { kind: 'refused'; record: string };

async function openForExport(
  repositories: Repositories,
  current: AuthenticatedSession,
  caseFile: CaseFile,
): Promise<Opened> {
  const { identity } = current;
  if (identity === null) return { kind: 'unopened' };
  try {
    const persons = await repositories.caseFiles.openPersons(caseFile, identity);
    if (persons === null) return { kind: 'unopened' };
    const timeline = (await repositories.caseTimelines.openEvents(caseFile, identity)) ?? [];
    const draftMatter =
      (await repositories.caseTimelines.openDraftMatter(caseFile, identity)) ?? emptyDraftMatter;
    return { kind: 'opened', exported: { caseFile, persons, timeline, draftMatter } };
  } catch (error) {
    if (!(error instanceof SealedDataError)) throw error;
    return { kind: 'refused', record: `${error.context.table}.${error.context.field}` };
  }
}

/**
 * The reader's own cases as an XLSX file: the cases assigned to him, or for a coordinator every
 * case he holds a key to. Each case opened is audited as a read, in the transaction that opened
 * it, a page of cases at a time; one more entry records the export and its counts. Texts are
 * neutralised against formula injection by the domain's export table.
 */
export async function exportMyCases(
  deps: Pick<Ports, 'unitOfWork' | 'clock' | 'ids' | 'spreadsheets'>,
  current: AuthenticatedSession,
  input: { language: 'ru' | 'en'; offsetMinutes: number },
): Promise<CasesExport> {
  const { actor, identity } = current;
  if (identity === null) throw new AppError('KEY_UNAVAILABLE', 'reader holds no key pair');
  const now = deps.clock.now();
  // A grant that covers an unassigned case covers every case.
  const readsEveryCase = can(actor, 'case.read', {
    type: 'case',
    orgId: actor.orgId,
    assigneeIds: [],
  });
  const cases: ExportedCase[] = [];
  let unopened = 0;
  let refused = 0;
  let afterId: string | null = null;
  for (;;) {
    const page: CaseFile[] = await deps.unitOfWork.run(async (repositories) => {
      const frames = await repositories.caseFiles.pageFrames(actor.orgId, {
        afterId,
        limit: pageSize,
        ...(readsEveryCase ? {} : { assigneeId: actor.userId }),
      });
      for (const caseFile of frames) {
        if (!can(actor, 'case.read', { type: 'case', ...caseFile })) continue;
        const opened = await openForExport(repositories, current, caseFile);
        if (opened.kind === 'unopened') {
          unopened += 1;
          continue;
        }
        if (opened.kind === 'refused') {
          refused += 1;
          await recordAudit(repositories, deps, now, {
            orgId: actor.orgId,
            actorUserId: actor.userId,
            action: 'case.decryption-failed',
            subjectType: 'case',
            subjectId: caseFile.id,
            details: { record: opened.record, via: 'export' },
          });
          continue;
        }
        cases.push(opened.exported);
        await recordCaseRead(repositories, deps, now, actor, caseFile.id, {
          persons: opened.exported.persons.length,
          via: 'export',
        });
      }
      return frames;
    });
    const last = page.at(-1);
    if (last === undefined || page.length < pageSize) break;
    afterId = last.id;
  }
  await deps.unitOfWork.run((repositories) =>
    recordAudit(repositories, deps, now, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: 'cases.exported',
      details: { exported: cases.length, unopened, refused, format: 'xlsx' },
    }),
  );
  const file = await deps.spreadsheets.write(
    caseExportTable(cases, input.language, input.offsetMinutes),
  );
  const day = new Date(now.getTime() + input.offsetMinutes * 60_000).toISOString().slice(0, 10);
  return { file, fileName: `habeas-cases-${day}.xlsx`, exported: cases.length, unopened, refused };
}
