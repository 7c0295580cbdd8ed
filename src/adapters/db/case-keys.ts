import type { Kysely } from 'kysely';
import type { DataKey, RecordSealing, UnlockedIdentity } from '../../app/ports/key-crypto.ts';
import type { CaseFile } from '../../domain/cases/case-file.ts';
import type { Database } from './database.ts';
import { type SealedColumn, type SealedTable, sealContext } from './sealed-columns.ts';

/**
 * The current data key of a case, opened with one staff member's (or the escrow's) identity;
 * null when the identity holds no wrap of it. Every repository of sealed case records opens
 * keys here, so there is one way in.
 */
export async function openCaseDataKey(
  db: Kysely<Database>,
  sealing: RecordSealing,
  caseFile: Pick<CaseFile, 'orgId' | 'id'>,
  identity: UnlockedIdentity,
): Promise<DataKey | null> {
  const frame = await db
    .selectFrom('case_files')
    .select('data_key_id')
    .where('org_id', '=', caseFile.orgId)
    .where('id', '=', caseFile.id)
    .executeTakeFirst();
  if (!frame?.data_key_id) return null;
  const wrap = await db
    .selectFrom('case_key_wraps')
    .select('sealed_key')
    .where('org_id', '=', caseFile.orgId)
    .where('case_id', '=', caseFile.id)
    .where('key_id', '=', frame.data_key_id)
    .where('recipient_public_key', '=', identity.publicKey)
    .executeTakeFirst();
  return wrap ? sealing.openDataKey(frame.data_key_id, wrap.sealed_key, identity) : null;
}

/** Seals and opens the sealed columns of one record; null stays null. */
export function recordSealer<Table extends SealedTable>(
  sealing: RecordSealing,
  key: DataKey,
  table: Table,
  recordId: string,
) {
  return {
    seal(column: SealedColumn<Table>, value: string | null): string | null {
      return value === null ? null : sealing.seal(key, sealContext(table, recordId, column), value);
    },
    open(column: SealedColumn<Table>, value: string | null): string | null {
      return value === null ? null : sealing.open(key, sealContext(table, recordId, column), value);
    },
  };
}
