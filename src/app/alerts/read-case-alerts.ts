import type { Alert, AlertStep } from '../../domain/alerts/alert.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { loadCaseFrame } from '../cases/read-case-file.ts';
import type { Ports } from '../ports/ports.ts';

export type CaseAlert = Alert & {
  /** The alert log, oldest first, with the name of the staff member each step concerns. */
  steps: (AlertStep & { displayName: string | null })[];
};

/**
 * The alerts of a case with their log: who was paged when, what went out on which channel, what
 * failed and is being retried, who took it. Operational data only, so reading it opens nothing.
 */
export async function readCaseAlerts(
  deps: Pick<Ports, 'unitOfWork'>,
  current: AuthenticatedSession,
  caseId: string,
): Promise<CaseAlert[]> {
  return deps.unitOfWork.run(async (repositories) => {
    const caseFile = await loadCaseFrame(repositories, current, caseId, 'case.read');
    const alerts = await repositories.alerts.listOfCase(caseFile.orgId, caseFile.id);
    const steps = await repositories.alerts.listStepsOfCase(caseFile.orgId, caseFile.id);
    const staff = await repositories.staffUsers.listByOrganisation(caseFile.orgId);
    const nameOf = (userId: string | null) =>
      userId === null ? null : (staff.find((member) => member.id === userId)?.displayName ?? null);
    return alerts.map((alert) => ({
      ...alert,
      steps: steps
        .filter((step) => step.alertId === alert.id)
        .map((step) => ({ ...step, displayName: nameOf(step.userId) })),
    }));
  });
}
