import { describe, expect, it } from 'vitest';
import { judgePassword } from './password-policy.ts';

const common = new Set(['qwertyuiop123']);
const isCommon = (candidate: string) => common.has(candidate);

describe('judgePassword', () => {
  it('refuses passwords shorter than 12 characters, counting letters not bytes', () => {
    expect(judgePassword('short-pass1', isCommon)).toEqual({ ok: false, reason: 'TOO_SHORT' });
    expect(judgePassword('пароль-длинн', isCommon)).toEqual({ ok: true });
  });

  it('refuses a password from the common list whatever its case', () => {
    expect(judgePassword('QwertyUiop123', isCommon)).toEqual({ ok: false, reason: 'TOO_COMMON' });
  });

  it('refuses absurdly long passwords', () => {
    expect(judgePassword('a'.repeat(257), isCommon)).toEqual({ ok: false, reason: 'TOO_LONG' });
  });
});
