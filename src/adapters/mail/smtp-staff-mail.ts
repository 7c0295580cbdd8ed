import nodemailer from 'nodemailer';
import type { MailLanguage, StaffMail } from '../../app/ports/staff-mail.ts';

const passwordResetText: Record<MailLanguage, { subject: string; body: (link: string) => string }> =
  {
    ru: {
      subject: 'Habeas: сброс пароля',
      body: (link) =>
        [
          'Кто-то, возможно вы, запросил сброс пароля для входа в Habeas.',
          'Чтобы задать новый пароль, откройте эту ссылку в течение часа:',
          '',
          link,
          '',
          'Если вы не запрашивали сброс, ничего не делайте и сообщите администратору: пароль остаётся прежним.',
          'Для входа по-прежнему нужен код из приложения-аутентификатора.',
        ].join('\n'),
    },
    en: {
      subject: 'Habeas: password reset',
      body: (link) =>
        [
          'Someone, perhaps you, asked to reset the password for logging in to Habeas.',
          'To choose a new password, open this link within an hour:',
          '',
          link,
          '',
          'If you did not ask for this, do nothing and tell your administrator: your password stays as it is.',
          'Logging in still needs the code from your authenticator app.',
        ].join('\n'),
    },
  };

/** Plain-text mail over SMTP: no images, no tracking, nothing that calls home when opened. */
export function smtpStaffMail(options: {
  smtpUrl: string;
  from: string;
  publicUrl: string;
}): StaffMail {
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    async sendPasswordReset({ to, token, language }) {
      const text = passwordResetText[language];
      await transport.sendMail({
        from: options.from,
        to,
        subject: text.subject,
        text: text.body(`${options.publicUrl}/staff/welcome#token=${token}`),
      });
    },
  };
}

/** Without SMTP nothing is sent; the request stays in the audit log and an admin issues a link. */
export function disabledStaffMail(): StaffMail {
  return { sendPasswordReset: async () => {} };
}
