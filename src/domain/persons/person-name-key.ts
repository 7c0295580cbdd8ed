/**
 * The match key of a person: the text a blind index hashes so that one person, typed in
 * different scripts and spellings, lands in the same bucket. It only narrows a search; the
 * caller confirms candidates on the decrypted records.
 *
 * Every name is folded to a reduced Cyrillic alphabet. Cyrillic letters map one to one, Latin
 * text is read through the transliteration schemes people actually type (passport/ICAO, BGN,
 * German, scholarly), and distinctions that those schemes blur are dropped on both sides:
 * й/ы/и/y/j/i are one letter, ё/э/е are one, ш/щ are one, ъ/ь vanish, double letters collapse.
 * Folding is lossy on purpose: merging two people only adds a candidate to confirm, while
 * splitting one person loses a match.
 */

export type PersonMatchKeyResult =
  | { ok: true; key: string }
  | { ok: false; reason: 'EMPTY_NAME' | 'INVALID_BIRTH_DATE' };

// Bumped whenever folding changes: stored indexes must then be recomputed.
const keyVersion = 'v1';

const apostrophes = /['`´‘’ʹʻʼ]/gu;
const hyphens = /[-‐‑‒–—―−]/u;
const wordSeparators = /[^\p{L}\-‐‑‒–—―−]+/u;

const cyrillic: Readonly<Record<string, string>> = {
  а: 'а',
  б: 'б',
  в: 'в',
  г: 'г',
  д: 'д',
  е: 'е',
  ж: 'ж',
  з: 'з',
  и: 'и',
  к: 'к',
  л: 'л',
  м: 'м',
  н: 'н',
  о: 'о',
  п: 'п',
  р: 'р',
  с: 'с',
  т: 'т',
  у: 'у',
  ф: 'ф',
  х: 'х',
  ц: 'ц',
  ч: 'ч',
  ш: 'ш',
  щ: 'ш',
  ъ: '',
  ы: 'и',
  ь: '',
  э: 'е',
  ю: 'иу',
  я: 'иа',
  // Ukrainian and Belarusian letters; й, ё, ї and ў arrive already split by NFKD.
  є: 'е',
  і: 'и',
  ґ: 'г',
};

/** Latin sequences, longest first, so that "tsch" wins over "ts" and "shch" over "sh". */
const latinSequences: readonly (readonly [string, string])[] = [
  ['schtsch', 'ш'],
  ['shch', 'ш'],
  ['tsch', 'ч'],
  ['sch', 'ш'],
  ['tch', 'ч'],
  ['sh', 'ш'],
  ['ch', 'ч'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['tz', 'ц'],
  ['ph', 'ф'],
];

const latinLetters: Readonly<Record<string, string>> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  // j is read as the glide (ju, ja, Dmitrij), never as ж: the French "j" for ж would merge
  // Жанна with Яна.
  j: 'и',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  // x is кс (Alexei, Maxim, Xenia) far more often than х.
  x: 'кс',
  y: 'и',
  z: 'з',
  ı: 'и',
  ł: 'л',
  ß: 'с',
};

/** Canonical form of one hyphen-free part of a name. */
function foldPart(part: string): string {
  let folded = '';
  let at = 0;
  while (at < part.length) {
    const sequence = latinSequences.find(([latin]) => part.startsWith(latin, at));
    if (sequence !== undefined) {
      folded += sequence[1];
      at += sequence[0].length;
      continue;
    }
    const char = part.charAt(at);
    folded += cyrillic[char] ?? latinLetters[char] ?? char;
    at += 1;
  }
  return (
    folded
      // A glide before е or о is the е/ё that schemes spell ye, ie, je, yo, io, jo
      // (Yelena, Alekseyev, Pyotr, Vorobiov); ё is already е.
      .replace(/и+[ео]/gu, 'е')
      .replace(/(.)\1+/gu, '$1')
  );
}

function nameWords(name: string): string[] {
  const letters = name
    .replace(apostrophes, '')
    .normalize('NFKD')
    .toLowerCase()
    .normalize('NFKD')
    .replace(apostrophes, '')
    .replace(/[\p{M}\p{Lm}]/gu, '');
  return letters
    .split(wordSeparators)
    .map((word) =>
      word
        .split(hyphens)
        .map(foldPart)
        .filter((part) => part !== '')
        .join('-'),
    )
    .filter((word) => word !== '');
}

/**
 * Canonical form of a name: script, case, transliteration variants, punctuation and spacing
 * folded; words kept in their order, one space apart; parts of a double name joined by "-".
 * Idempotent: normalising a normalised name changes nothing.
 */
export function normaliseName(name: string): string {
  return nameWords(name).join(' ');
}

// Patronymics end in -ович/-евич/-ич or -овна/-евна/-ична once folded; Turkic ones are the
// father's name followed by a particle (Тофик оглы, Тофик кызы, o‘g‘li, uulu).
const patronymicEnding = /^[^-]+(ич|вна|чна)$/u;
const patronymicParticles: ReadonlySet<string> = new Set([
  'огли',
  'оглу',
  'кизи',
  'гизи',
  'ули',
  'улу',
]);

/**
 * The key is built from surname and first name only. Reports often omit the patronymic, and
 * one report without it must still find the case that has it; with the birth date it adds
 * little to tell people apart. A patronymic is recognised only among three words or more,
 * never as the first word (there it is a surname like Станкевич), and when two words qualify
 * the earlier one goes: "Станкевич Иван Петрович" and "Иван Петрович Станкевич" both keep
 * Станкевич.
 */
function withoutPatronymic(words: readonly string[]): string[] {
  let kept = [...words];
  if (kept.length >= 3) {
    const at = kept.findIndex(
      (word, index) => index >= 1 && (patronymicParticles.has(word) || patronymicEnding.test(word)),
    );
    if (at >= 1) {
      const start = patronymicParticles.has(kept[at] ?? '') ? at - 1 : at;
      // A patronymic needs a surname and a first name besides it.
      if (kept.length - (at - start + 1) >= 2) kept.splice(start, at - start + 1);
    }
  }
  kept = kept.filter((word) => !patronymicParticles.has(word));
  return kept;
}

function isCalendarDate(text: string): boolean {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (parts === null) return false;
  const year = Number(parts[1]);
  const month = Number(parts[2]);
  const day = Number(parts[3]);
  // Nobody alive was born before 1900; a date in the future needs a clock, so the caller
  // refuses it.
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= daysInMonth;
}

/**
 * The text a blind index hashes for a person: folded surname and first name, sorted so that
 * word order does not matter, then the birth date. "Иванов Иван Иванович", "IVAN IVANOV" and
 * "Ivanov Iwan" share one key.
 */
export function personMatchKey(input: {
  fullName: string;
  birthDate: string;
}): PersonMatchKeyResult {
  const tokens = withoutPatronymic(nameWords(input.fullName)).flatMap((word) => word.split('-'));
  if (tokens.length === 0) return { ok: false, reason: 'EMPTY_NAME' };
  if (!isCalendarDate(input.birthDate)) return { ok: false, reason: 'INVALID_BIRTH_DATE' };
  tokens.sort();
  return { ok: true, key: `${keyVersion}|${tokens.join(' ')}|${input.birthDate}` };
}
