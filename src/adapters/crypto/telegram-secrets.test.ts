import { describe, expect, it } from 'vitest';
import { telegramSecrets } from './telegram-secrets.ts';

const token = '123456789:AAHabeasTestTokenNotARealOne_abcdefghij';

describe('the Telegram channel’s secrets', () => {
  const { chatSealing, staffChatSealing, webhookSecret } = telegramSecrets(token);

  it('files a chat under a keyed hash that reveals neither the chat id nor the token', () => {
    const key = chatSealing.chatKey('48151623');
    expect(key).toBe(chatSealing.chatKey('48151623'));
    expect(key).not.toBe(chatSealing.chatKey('48151624'));
    expect(key).toMatch(/^[\w-]{43}$/);
    expect(key).not.toContain('48151623');
    expect(telegramSecrets(`${token}x`).chatSealing.chatKey('48151623')).not.toBe(key);
    expect(webhookSecret).toMatch(/^[\w-]{43}$/);
    expect(webhookSecret).not.toBe(key);
  });

  it('opens what it sealed for the same chat only', () => {
    const sealed = chatSealing.seal('48151623', '{"name":"Задержанов"}');
    expect(sealed).not.toContain('Задержанов');
    expect(chatSealing.open('48151623', sealed)).toBe('{"name":"Задержанов"}');
    expect(chatSealing.open('48151624', sealed)).toBeNull();
    expect(telegramSecrets(`${token}x`).chatSealing.open('48151623', sealed)).toBeNull();
  });

  it('refuses a ciphertext that was altered, cut or is not one', () => {
    const sealed = chatSealing.seal('1', 'answers');
    const body = sealed.slice(3);
    const flipped = `${body.slice(0, 30)}${body[30] === 'A' ? 'B' : 'A'}${body.slice(31)}`;
    for (const bad of [
      `t1.${flipped}`,
      sealed.slice(0, -4),
      'answers',
      't1.',
      't1.!!',
      `${sealed}.x`,
    ])
      expect(chatSealing.open('1', bad)).toBeNull();
  });

  it('seals a staff member’s alert chat for him only, and under this bot token only', () => {
    const sealed = staffChatSealing.seal('user-1', '48151623');
    expect(sealed).not.toContain('48151623');
    expect(staffChatSealing.open('user-1', sealed)).toBe('48151623');
    expect(staffChatSealing.open('user-2', sealed)).toBeNull();
    expect(telegramSecrets(`${token}x`).staffChatSealing.open('user-1', sealed)).toBeNull();
    expect(chatSealing.open('user-1', sealed)).toBeNull();
    expect(staffChatSealing.open('user-1', '48151623')).toBeNull();
  });
});
