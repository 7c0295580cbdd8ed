import type { Actor } from '../../domain/access/can.ts';
import { type Shift, shiftProblems } from '../../domain/roster/shift.ts';
import { AppError, FactsRefusedError } from '../app-error.ts';
import type { Repositories } from '../ports/repositories.ts';

export type ShiftInput = Pick<Shift, 'userId' | 'startsAt' | 'endsAt' | 'region'>;

/**
 * Refuses a shift the domain finds impossible, or one for someone who cannot answer alerts: a
 * person outside the organisation, or a closed account. Someone invited but not yet enrolled may
 * be planned for next week; escalation pages only active accounts.
 */
export async function checkShift(
  repositories: Repositories,
  orgId: string,
  input: ShiftInput,
): Promise<void> {
  const problems = shiftProblems(input);
  if (problems.length > 0) throw new FactsRefusedError(problems);
  const member = await repositories.staffUsers.findById(orgId, input.userId);
  if (member === null || member.status === 'revoked') {
    throw new FactsRefusedError([
      {
        path: ['userId'],
        message: {
          ru: 'Дежурить может только сотрудник организации с незакрытой учётной записью.',
          en: 'Only a member of the organisation whose account is not closed can be on duty.',
        },
      },
    ]);
  }
}

export async function loadShift(
  repositories: Repositories,
  actor: Actor,
  shiftId: string,
): Promise<Shift> {
  const shift = await repositories.roster.findShift(actor.orgId, shiftId);
  if (shift === null) throw new AppError('NOT_FOUND', 'no such shift');
  return shift;
}
