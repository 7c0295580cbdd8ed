import type { SealContext } from '../../app/ports/key-crypto.ts';

/**
 * Every column sealed under a case's data key, by table. Each value's associated data names its
 * table, record and column, so a value cannot be moved elsewhere. Rotation re-seals exactly these
 * columns and crypto-shredding deletes these tables' rows: a new sealed column is added here.
 */
export const sealedColumnsByTable = {
  persons: ['full_name', 'birth_date', 'phone', 'notes'],
  legal_decisions: ['facts_snapshot'],
  reports: ['personal_answers'],
  timeline_events: ['note'],
  draft_matters: ['matter'],
  case_tasks: ['title'],
  case_documents: ['field_values', 'docx', 'pdf'],
} as const;

export type SealedTable = keyof typeof sealedColumnsByTable;
export type SealedColumn<Table extends SealedTable> = (typeof sealedColumnsByTable)[Table][number];

export function sealContext<Table extends SealedTable>(
  table: Table,
  recordId: string,
  column: SealedColumn<Table>,
): SealContext {
  return { table, recordId, field: column };
}
