import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestDatabase, testDialects } from '../../../test/support/test-databases.ts';
import type { StoredTelegramConversation } from '../../app/ports/repositories.ts';
import { telegramConversationsRepository } from './telegram-conversations.repository.ts';

const now = new Date('2025-10-18T08:00:00Z');

function conversation(revision: number, sealedState = `sealed-${revision}`) {
  return {
    chatKey: 'chat-key-1',
    orgId: 'org-1',
    sealedState,
    revision,
    expiresAt: new Date(now.getTime() + 60 * 60_000),
  } satisfies StoredTelegramConversation;
}

describe.each(testDialects())('stored Telegram conversations [$name]', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await dialect.open();
  });
  afterEach(async () => {
    await database.close();
  });

  it('lets one of two instances save a turn: the other learns it came second', async () => {
    const conversations = telegramConversationsRepository(database.db);
    expect(await conversations.save(conversation(1), now)).toBe(true);
    expect(await conversations.save(conversation(1, 'from another instance'), now)).toBe(false);
    expect(await conversations.save(conversation(2), now)).toBe(true);
    expect(await conversations.save(conversation(2, 'from another instance'), now)).toBe(false);
    expect(await conversations.find('chat-key-1')).toEqual(conversation(2));
    expect(await conversations.find('chat-key-2')).toBeNull();
  });

  it('removes a conversation at its revision only, and expired ones all at once', async () => {
    const conversations = telegramConversationsRepository(database.db);
    await conversations.save(conversation(1), now);
    await conversations.save(conversation(2), now);
    expect(await conversations.remove('chat-key-1', 1)).toBe(false);
    expect(await conversations.remove('chat-key-1', 2)).toBe(true);
    expect(await conversations.remove('chat-key-1')).toBe(false);

    await conversations.save(conversation(1), now);
    await conversations.save({ ...conversation(1), chatKey: 'chat-key-2', expiresAt: now }, now);
    expect(await conversations.removeExpired(now)).toBe(1);
    expect(await conversations.find('chat-key-2')).toBeNull();
    expect(await conversations.find('chat-key-1')).not.toBeNull();
  });
});
