import { describe, expect, it } from 'vitest';
import { petrovichDeclineName } from './petrovich-names.ts';

describe('declining names with petrovich', () => {
  it('puts a man’s full name in the cases documents need', () => {
    expect(petrovichDeclineName('Примеров Иван Сергеевич', 'genitive')).toBe(
      'Примерова Ивана Сергеевича',
    );
    expect(petrovichDeclineName('Примеров Иван Сергеевич', 'dative')).toBe(
      'Примерову Ивану Сергеевичу',
    );
    expect(petrovichDeclineName('Демонстров Алексей Игоревич', 'accusative')).toBe(
      'Демонстрова Алексея Игоревича',
    );
  });

  it('declines a woman’s name by her patronymic', () => {
    expect(petrovichDeclineName('Смирнова Анна Петровна', 'genitive')).toBe(
      'Смирновой Анны Петровны',
    );
  });

  it('takes a name without a patronymic as a man’s', () => {
    expect(petrovichDeclineName('Юрист Борис', 'genitive')).toBe('Юриста Бориса');
  });
});
