import type { Ports } from '../ports/ports.ts';
import type { EnrolmentPurpose, Repositories } from '../ports/repositories.ts';

const lifetimes: Record<EnrolmentPurpose, number> = {
  invitation: 7 * 24 * 60 * 60_000,
  'password-reset': 60 * 60_000,
};

/**
 * Stores the hash of a new one-time link token and returns the token itself, which goes into
 * the link and nowhere else. Invitations last a week; password resets an hour.
 */
export async function createEnrolmentToken(
  repositories: Repositories,
  deps: Pick<Ports, 'ids' | 'tokens'>,
  user: { orgId: string; id: string },
  purpose: EnrolmentPurpose,
  now: Date,
): Promise<string> {
  const token = deps.tokens.newToken();
  await repositories.enrolmentTokens.insert(
    {
      id: deps.ids.newId(),
      orgId: user.orgId,
      userId: user.id,
      purpose,
      expiresAt: new Date(now.getTime() + lifetimes[purpose]),
      usedAt: null,
    },
    deps.tokens.hash(token),
  );
  return token;
}
