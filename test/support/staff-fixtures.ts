import { generate } from 'otplib';
import { confirmTotpEnrolment, startTotpEnrolment } from '../../src/app/accounts/enrol-totp.ts';
import { inviteStaffUser } from '../../src/app/accounts/invite-staff-user.ts';
import { setPasswordWithToken } from '../../src/app/accounts/set-password-with-token.ts';
import { createOrganisation } from '../../src/app/organisations/create-organisation.ts';
import type { Ports } from '../../src/app/ports/ports.ts';
import type { Role } from '../../src/domain/access/roles.ts';

export const testPassword = 'correct horse battery staple';

/** The code an authenticator app shows at the ports' current time. */
export function totpCodeAt(
  ports: Pick<Ports, 'clock'>,
  secret: string,
  offsetSeconds = 0,
): Promise<string> {
  return generate({
    secret,
    epoch: Math.floor(ports.clock.now().getTime() / 1000) + offsetSeconds,
  });
}

export type EnrolledStaff = {
  orgId: string;
  userId: string;
  email: string;
  totpSecret: string;
  recoveryCodes: string[];
  sessionToken: string;
};

/** A staff member taken through the whole enrolment: link, password, TOTP, recovery codes. */
export async function buildEnrolledStaff(
  ports: Ports,
  overrides: { orgId?: string; email?: string; roles?: Role[] } = {},
): Promise<EnrolledStaff> {
  const orgId = overrides.orgId ?? (await createOrganisation(ports, { name: 'Test group' })).id;
  const email = overrides.email ?? `staff-${ports.ids.newId()}@example.org`;
  const { userId, enrolmentToken } = await inviteStaffUser(
    ports,
    { system: 'cli' },
    { orgId, email, displayName: 'Test Staff', roles: overrides.roles ?? ['lawyer'] },
  );
  const pending = await setPasswordWithToken(ports, {
    token: enrolmentToken,
    password: testPassword,
  });
  const { secret } = await startTotpEnrolment(ports, pending.sessionToken);
  const confirmed = await confirmTotpEnrolment(ports, pending.sessionToken, {
    code: await totpCodeAt(ports, secret),
  });
  return {
    orgId,
    userId,
    email,
    totpSecret: secret,
    recoveryCodes: confirmed.recoveryCodes,
    sessionToken: confirmed.sessionToken,
  };
}
