import type { DataClasses } from '../sealing/data-class.ts';

export type CaseStatus = 'open' | 'closed' | 'deleted';

/** The operational frame of a case: what may be known without opening it. */
export type CaseFile = {
  id: string;
  orgId: string;
  status: CaseStatus;
  assigneeIds: string[];
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  /** Set when this case was a duplicate: the case that now holds its records. */
  mergedInto: string | null;
};

export const caseFileDataClasses: DataClasses<CaseFile> = {
  id: 'operational',
  orgId: 'operational',
  status: 'operational',
  assigneeIds: 'operational',
  createdBy: 'operational',
  createdAt: 'operational',
  updatedAt: 'operational',
  closedAt: 'operational',
  mergedInto: 'operational',
};
