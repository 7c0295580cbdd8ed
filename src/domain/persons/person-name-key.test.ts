import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseName, personMatchKey } from './person-name-key.ts';

const birthDate = '2004-03-17';

function keyOf(fullName: string, date = birthDate): string {
  const result = personMatchKey({ fullName, birthDate: date });
  if (!result.ok) throw new Error(`no key for ${fullName}: ${result.reason}`);
  return result.key;
}

describe('personMatchKey', () => {
  it.each([
    ['Иванов Иван Иванович', 'ivanov ivan ivanovich'],
    ['Иванов Иван Иванович', 'IVANOV Ivan'],
    ['Иванов Иван Иванович', 'Ivanov Iwan'],
    ['Иванов Иван Иванович', 'Иван Иванович Иванов'],
    ['Иванов Иван', 'Иван Иванов'],
    ['Щербаков Юрий Алексеевич', 'Shcherbakov Yury'],
    ['Щербаков Юрий', 'Scherbakov Iurii Alekseyevich'],
    ['Щербаков Юрий', 'Schtscherbakow Jurij'],
    ['Кузнецов Дмитрий', 'Kuznetsov Dmitriy'],
    ['Кузнецов Дмитрий', 'Kuznecov Dmitrij'],
    ['Кузнецов Дмитрий', 'KUZNETZOV DMITRII'],
    ['Воробьёв Пётр', 'Vorobyov Pyotr'],
    ['Воробьёв Пётр', 'Воробьев Петр'],
    ['Воробьёв Пётр', 'Vorobiev Piotr'],
    ['Воробьёв Пётр', 'Vorobjov Petr'],
    ['Хабаров Михаил', 'Khabarov Mikhail'],
    ['Хабаров Михаил', 'Habarov Mihail'],
    ['Чайковский Алексей', 'Tchaikovsky Alexey'],
    ['Чайковский Алексей', 'Chaykovskiy Aleksei'],
    ['Чайковский Алексей', 'Tschaikowski Alexej'],
    ['Жукова Наталья', 'Zhukova Natalia'],
    ['Жукова Наталья', 'Zhukova Nataliya'],
    ['Жукова Наталья', "Zhukova Natal'ya"],
    ['Жукова Наталья', 'Жукова Наталия'],
    ['Елена Ёлкина', 'Yelena Yolkina'],
    ['Елена Ёлкина', 'Ielena Iolkina'],
    ['Елена Ёлкина', 'Jelena Jolkina'],
    ['Юлия Ильина', 'Yuliya Il’ina'],
    ['Юлия Ильина', 'Iuliia Ilina'],
    ['Юлия Ильина', 'Julija Iljina'],
    ['Яковлев Яков', 'Yakovlev Yakov'],
    ['Яковлев Яков', 'Iakovlev Iakov'],
    ['Яковлев Яков', 'Jakowlew Jakow'],
    ['Ксения Максимова', 'Xenia Maximova'],
    ['Ксения Максимова', 'Kseniya Maksimova'],
    ['Цветков Евгений', 'Tsvetkov Yevgeniy'],
    ['Цветков Евгений', 'Cvetkov Evgenii'],
    ['Эрнст Фёдор', 'Ernst Fedor'],
    ['Щукин Артём', 'Shchukin Artyom'],
    ['Крылов Кирилл', 'Krylov Kirill'],
    ['Крылов Кирилл', 'Krilov Kiril'],
    ['Крылов Кирилл', 'Крылов   Кирилл.'],
    ['Софья Сергеева', 'Sophia Sergeyeva'],
    ['Петрова-Водкина Анна', 'Petrova-Vodkina Anna'],
    ['Петрова-Водкина Анна', 'Петрова Водкина Анна'],
    ['Петрова-Водкина Анна', 'Водкина-Петрова Анна'],
    ['Петрова-Водкина Анна Сергеевна', 'Anna Petrova – Vodkina'],
    ['Станкевич Иван Петрович', 'Станкевич Иван'],
    ['Иван Петрович Станкевич', 'Станкевич Иван'],
    ['Бабич Ольга Ильинична', 'Babich Olga'],
    ['Мамедов Рашид Тофик оглы', 'Mamedov Rashid'],
    ['Mamedov Rashid Tofik ogly', 'Мамедов Рашид'],
    ['Алиева Лейла Тофик кызы', 'Alieva Leyla'],
  ])('gives %s and %s one key', (a, b) => {
    expect(keyOf(a)).toBe(keyOf(b));
  });

  it.each([
    ['Иванов Иван', 'Иванов Игорь'],
    ['Иванов Иван', 'Иванова Ивана'],
    ['Иванов Иван', 'Петров Иван'],
    ['Иванов Иван', 'Иванов'],
    ['Жукова Наталья', 'Жукова Анна'],
    ['Яна Смирнова', 'Жанна Смирнова'],
    ['Александр Орлов', 'Алексей Орлов'],
    ['Евгений Цветков', 'Евгения Цветкова'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(keyOf(a)).not.toBe(keyOf(b));
  });

  it('keeps one name with two birth dates apart', () => {
    expect(keyOf('Иванов Иван', '2004-03-17')).not.toBe(keyOf('Иванов Иван', '2004-03-18'));
  });

  it('builds the key from the sorted folded names and the birth date', () => {
    expect(keyOf('IVANOV Ivan Ivanovich', '2000-02-29')).toBe('v1|иван иванов|2000-02-29');
  });

  it.each(['', '   ', '—', '123 456', 'ъ ь', "'"])('refuses the name %j as empty', (fullName) => {
    expect(personMatchKey({ fullName, birthDate })).toEqual({ ok: false, reason: 'EMPTY_NAME' });
  });

  it.each([
    '2001-02-29',
    '1900-02-29',
    '2004-04-31',
    '2004-13-01',
    '2004-00-10',
    '2004-01-00',
    '1899-12-31',
    '2004-3-17',
    '17.03.2004',
    ' 2004-03-17',
    '',
  ])('refuses the birth date %j', (date) => {
    expect(personMatchKey({ fullName: 'Иванов Иван', birthDate: date })).toEqual({
      ok: false,
      reason: 'INVALID_BIRTH_DATE',
    });
  });

  it.each(['2000-02-29', '1900-01-01', '2099-12-31', '2004-12-31'])(
    'accepts the birth date %s',
    (date) => {
      expect(personMatchKey({ fullName: 'Иванов Иван', birthDate: date }).ok).toBe(true);
    },
  );
});

describe('normaliseName', () => {
  it.each([
    ['  IVANOV,  Ivan ', 'иванов иван'],
    ['Петрова-Водкина', 'петрова-водкина'],
    ['Петрова--Водкина', 'петрова-водкина'],
    ['Воробьёв', 'воробев'],
    ['Щукин', 'шукин'],
    ['Наталья', 'наталиа'],
  ])('folds %j to %j', (name, expected) => {
    expect(normaliseName(name)).toBe(expected);
  });
});

// Words that cannot fold to a patronymic (-ич, -вна, -чна) or a Turkic particle, so that the
// properties below test folding and ordering and not patronymic detection.
const nameLetters = [...'abdefgklmnoprstабгдежзклмнопрстфхцшэъьё'];
const word = fc
  .array(fc.constantFrom(...nameLetters), { minLength: 1, maxLength: 12 })
  .map((letters) => letters.join(''))
  .filter((text) => normaliseName(text) !== '');
const words = fc.array(word, { minLength: 1, maxLength: 4 });
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
);

describe('properties', () => {
  it('normalising twice changes nothing', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(normaliseName(normaliseName(text))).toBe(normaliseName(text));
      }),
    );
  });

  it('gives a normalised name the key of the original', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(personMatchKey({ fullName: normaliseName(text), birthDate })).toEqual(
          personMatchKey({ fullName: text, birthDate }),
        );
      }),
    );
  });

  it('ignores word order', () => {
    fc.assert(
      fc.property(
        words.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        ([list, shuffled]) => {
          expect(keyOf(shuffled.join(' '))).toBe(keyOf(list.join(' ')));
        },
      ),
    );
  });

  it('ignores case, extra spaces and punctuation between words', () => {
    const separator = fc.constantFrom(' ', '  ', '\t', ', ', ' . ', '\n');
    fc.assert(
      fc.property(words, fc.array(separator, { minLength: 3, maxLength: 3 }), (list, seps) => {
        const messy = `${seps[0]}${list.map((w, i) => (i % 2 === 0 ? w.toUpperCase() : w)).join(seps[1])}${seps[2]}`;
        expect(keyOf(messy)).toBe(keyOf(list.join(' ')));
      }),
    );
  });
});
