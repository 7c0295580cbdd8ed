import type { Actor } from '../../domain/access/can.ts';
import type { StaffUser } from '../../domain/accounts/staff-user.ts';
import type { AuthenticatedSession } from '../accounts/authenticate-session.ts';
import { authorise } from '../accounts/staff-actor.ts';
import { AppError } from '../app-error.ts';
import type { Ports } from '../ports/ports.ts';

/**
 * Who imports: a staff member signed in to the app, or the server's operator at the command line
 * on behalf of a named staff member. New cases need only public keys, so the operator seals
 * them to that staff member (who becomes their creator and assignee), to the coordinators and
 * to the escrow key, without anyone's password; the audit log says it came from the command line.
 */
export type CaseImporter =
  | AuthenticatedSession
  | { system: 'cli'; onBehalfOf: { email: string }; orgId?: string };

export type ResolvedImporter = {
  orgId: string;
  /** Creator and assignee of the imported cases. */
  user: StaffUser;
  actor: Actor;
  /** Audit: null when the staff member acted himself. */
  actorUserId: string | null;
  via: 'cli' | null;
};

/** The staff member the cases will belong to, allowed to open cases and holding a key pair. */
export async function resolveImporter(
  deps: Pick<Ports, 'unitOfWork'>,
  importer: CaseImporter,
): Promise<ResolvedImporter> {
  const resolved: ResolvedImporter =
    'system' in importer
      ? await deps.unitOfWork.run(async (repositories) => {
          const user = await repositories.staffUsers.findByEmail(importer.onBehalfOf.email);
          if (
            user === null ||
            user.status !== 'active' ||
            (importer.orgId !== undefined && user.orgId !== importer.orgId)
          )
            throw new AppError('NOT_FOUND', 'no active staff member with that e-mail');
          return {
            orgId: user.orgId,
            user,
            actor: { userId: user.id, orgId: user.orgId, roles: user.roles },
            actorUserId: null,
            via: 'cli' as const,
          };
        })
      : {
          orgId: importer.actor.orgId,
          user: importer.user,
          actor: importer.actor,
          actorUserId: importer.actor.userId,
          via: null,
        };
  authorise(resolved.actor, 'case.create', { type: 'organisation', orgId: resolved.orgId });
  if (resolved.user.keys === null)
    throw new AppError('KEY_UNAVAILABLE', 'the staff member has no key pair yet');
  return resolved;
}
