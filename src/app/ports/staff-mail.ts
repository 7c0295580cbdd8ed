export type MailLanguage = 'ru' | 'en';

/** Messages to staff members' own addresses. Sending may fail; the caller never waits on it. */
export interface StaffMail {
  sendPasswordReset(input: { to: string; token: string; language: MailLanguage }): Promise<void>;
}
