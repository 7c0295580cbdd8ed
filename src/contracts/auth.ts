import { z } from 'zod';
import { passwordMaxLength } from '../domain/accounts/password-policy.ts';

export const sessionStage = z.enum(['second-factor', 'totp-enrolment', 'full']);
export type SessionStageBody = z.infer<typeof sessionStage>;

export const csrfTokenResponse = z.object({ csrfToken: z.string() }).meta({ id: 'CsrfToken' });

const email = z.email().max(254);
/** Length rules are the domain's; here only a cap, so nothing huge reaches the hasher. */
const password = z
  .string()
  .min(1)
  .max(passwordMaxLength * 4);
const totpCode = z
  .string()
  .regex(/^\s*\d{3}\s?\d{3}\s*$/, 'six digits')
  .meta({ description: 'The six-digit code the authenticator app shows' });

export const loginRequest = z.strictObject({ email, password }).meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof loginRequest>;

export const sessionStageResponse = z.object({ stage: sessionStage }).meta({
  id: 'SessionStage',
  description: 'What the login still needs: a code, enrolment, or nothing',
});
export type SessionStageResponse = z.infer<typeof sessionStageResponse>;

export const secondFactorRequest = z
  .union([
    z.strictObject({ code: totpCode }),
    z.strictObject({ recoveryCode: z.string().min(1).max(64) }),
  ])
  .meta({ id: 'SecondFactorRequest' });
export type SecondFactorRequest = z.infer<typeof secondFactorRequest>;

export const totpEnrolmentResponse = z
  .object({
    secret: z.string().meta({ description: 'Base32, for typing into an app by hand' }),
    uri: z.string(),
    qrCodeDataUrl: z.string(),
  })
  .meta({ id: 'TotpEnrolment' });
export type TotpEnrolmentResponse = z.infer<typeof totpEnrolmentResponse>;

export const totpConfirmRequest = z
  .strictObject({ code: totpCode })
  .meta({ id: 'TotpConfirmRequest' });
export type TotpConfirmRequest = z.infer<typeof totpConfirmRequest>;

export const totpConfirmResponse = z
  .object({
    stage: z.literal('full'),
    recoveryCodes: z.array(z.string()).meta({ description: 'Shown once; each works once' }),
  })
  .meta({ id: 'TotpConfirmation' });
export type TotpConfirmResponse = z.infer<typeof totpConfirmResponse>;

export const setPasswordRequest = z
  .strictObject({
    token: z.string().min(20).max(200).meta({ description: 'From the enrolment or reset link' }),
    password,
  })
  .meta({ id: 'SetPasswordRequest' });
export type SetPasswordRequest = z.infer<typeof setPasswordRequest>;

export const revokedSessionsResponse = z
  .object({ revokedSessions: z.number().int() })
  .meta({ id: 'RevokedSessions' });

export const passwordResetRequest = z.strictObject({ email }).meta({ id: 'PasswordResetRequest' });
export type PasswordResetRequest = z.infer<typeof passwordResetRequest>;

export const passwordResetAccepted = z.object({ accepted: z.literal(true) }).meta({
  id: 'PasswordResetAccepted',
  description: 'The same answer whether or not the account exists',
});
