import nodemailer from 'nodemailer';
import type { AlertChannel, AlertMessage } from '../../app/ports/alert-channel.ts';
import { alertReasonWording, alertTimeInMoscow } from '../../domain/alerts/alert-wording.ts';

/**
 * The alert as plain text, Russian first. Nothing personal: the code, the place id and links
 * into the staff app, where the case opens after login.
 */
export function alertMailText(
  message: AlertMessage,
  publicUrl: string,
): { subject: string; text: string } {
  const reason = alertReasonWording[message.reason];
  const caseLink = `${publicUrl}/staff/cases/${message.caseId}`;
  const acknowledgeLink =
    message.acknowledgeToken === null
      ? null
      : `${publicUrl}/alerts/acknowledge/${message.acknowledgeToken}`;
  const at = alertTimeInMoscow(message.raisedAt);
  const escalated = message.level > 0;
  const lines = [
    `Нужна помощь сейчас: ${reason.ru}.`,
    `Дело: ${message.caseCode}`,
    `Место: ${message.placeId ?? 'не указано'}`,
    `Получено: ${at}`,
    ...(escalated ? ['Предыдущий дежурный не ответил: вызов передан вам.'] : []),
    '',
    ...(acknowledgeLink === null
      ? []
      : ['Принять вызов (одно нажатие, ссылка одноразовая):', acknowledgeLink, '']),
    'Открыть дело (нужен вход в Habeas):',
    caseLink,
    '',
    '—',
    `Help needed now: ${reason.en}. Case ${message.caseCode}, place ${message.placeId ?? 'not given'}.`,
    ...(acknowledgeLink === null ? [] : [`Take the alert: ${acknowledgeLink}`]),
    `Open the case: ${caseLink}`,
  ];
  return {
    subject: `Habeas: ${escalated ? 'ПОВТОРНЫЙ ВЫЗОВ' : 'вызов'} — ${message.caseCode}`,
    text: lines.join('\n'),
  };
}

/** Alerts by e-mail to the staff member's own address, over the organisation's SMTP server. */
export function smtpAlertChannel(options: {
  smtpUrl: string;
  from: string;
  publicUrl: string;
}): AlertChannel {
  // A mail server that does not answer must fail the attempt soon, so that the retry is timely.
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    name: 'email',
    carriesAcknowledgeLink: true,
    needsTelegramChat: false,
    async deliver(message) {
      const { subject, text } = alertMailText(message, options.publicUrl);
      await transport.sendMail({ from: options.from, to: message.recipient.email, subject, text });
    },
  };
}
