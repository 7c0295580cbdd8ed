import type { DataClasses } from '../sealing/data-class.ts';

/** Someone a case is about: the conscript, as the hotline or a lawyer recorded him. */
export type Person = {
  id: string;
  orgId: string;
  caseId: string;
  fullName: string;
  /** YYYY-MM-DD, when known. */
  birthDate: string | null;
  phone: string | null;
  notes: string | null;
  createdAt: Date;
};

export const personDataClasses: DataClasses<Person> = {
  id: 'operational',
  orgId: 'operational',
  caseId: 'operational',
  fullName: 'personal',
  birthDate: 'personal',
  phone: 'personal',
  notes: 'personal',
  createdAt: 'operational',
};
