import { describe, expect, it } from 'vitest';
import { chatRateLimit } from './chat-rate-limit.ts';

describe('the per-chat message cap', () => {
  it('answers the first message over the cap once, then stays silent until the window ends', () => {
    const limit = chatRateLimit({ max: 3, windowMs: 60_000 });
    const taken = [0, 1, 2, 3, 4].map((second) => limit.take('chat-a', second * 1000));
    expect(taken).toEqual(['allowed', 'allowed', 'allowed', 'refused-first', 'refused']);
    expect(limit.take('chat-b', 5000)).toBe('allowed');
    expect(limit.take('chat-a', 60_000)).toBe('allowed');
  });
});
