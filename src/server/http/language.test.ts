import { describe, expect, it } from 'vitest';
import { preferredLanguage } from './language.ts';

describe('preferredLanguage', () => {
  it.each([
    [undefined, 'ru'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE,en;q=0.5,ru;q=0.8', 'ru'],
    ['ru;q=0.1,en;q=0.2', 'en'],
    ['en;q=0, uk', 'ru'],
    ['fr', 'ru'],
  ])('picks the language for Accept-Language %s', (header, expected) => {
    expect(preferredLanguage(header)).toBe(expected);
  });
});
