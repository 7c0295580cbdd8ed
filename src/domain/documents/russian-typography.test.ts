import { describe, expect, it } from 'vitest';
import { russianDate, russianTypography } from './russian-typography.ts';

describe('Russian typography', () => {
  it('writes dates with the month in the genitive and «г.»', () => {
    expect(russianDate('2025-10-17')).toBe('17 октября 2025 г.');
    expect(russianDate('2026-01-01')).toBe('1 января 2026 г.');
    expect(russianDate('2025-03-31')).toBe('31 марта 2025 г.');
  });

  it('turns straight quotes into guillemets, inner ones into „лапки“', () => {
    expect(russianTypography('станция метро "Тимирязевская"')).toBe(
      'станция метро «Тимирязевская»',
    );
    expect(russianTypography('ООО "Фирма "Ромашка""')).toBe('ООО «Фирма „Ромашка“»');
  });

  it('sets a dash between words and the number sign before numbers', () => {
    expect(russianTypography('решение - незаконно')).toBe('решение\u00a0— незаконно');
    expect(russianTypography('дело N 2а-1234/2025')).toBe('дело №\u00a02а-1234/2025');
    expect(russianTypography('дело №2а-1')).toBe('дело №\u00a02а-1');
  });

  it('keeps hyphens inside words and collapses runs of spaces', () => {
    expect(russianTypography('Ростов-на-Дону   ул.  Мира')).toBe('Ростов-на-Дону ул. Мира');
  });
});
