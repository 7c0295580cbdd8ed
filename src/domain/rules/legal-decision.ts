import type { DataClasses } from '../sealing/data-class.ts';
import type { EvaluationRecord } from './evaluate.ts';

/** A legal position recorded on a case: what the rules gave, from which facts, under which pack. */
export type LegalDecision = EvaluationRecord & {
  id: string;
  orgId: string;
  caseId: string;
  createdBy: string;
  createdAt: Date;
};

export const legalDecisionDataClasses: DataClasses<LegalDecision> = {
  id: 'operational',
  orgId: 'operational',
  caseId: 'operational',
  packId: 'operational',
  packVersion: 'operational',
  packHash: 'operational',
  asOf: 'operational',
  choices: 'operational',
  // Facts carry the birth date and the times of a detention: they describe a person.
  factsSnapshot: 'personal',
  createdBy: 'operational',
  createdAt: 'operational',
};
