const letters: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

const vowels = new Set(['а', 'е', 'ё', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я']);
/** After these, е and и are pronounced with a glide: "ye", "yi" (Киевская, Марьина). */
const glideBefore = new Set([...vowels, 'ъ', 'ь']);

function latinWord(word: string): string {
  const lower = word.toLowerCase();
  let latin = '';
  for (let at = 0; at < lower.length; at += 1) {
    const char = lower.charAt(at);
    const previous = at === 0 ? undefined : lower.charAt(at - 1);
    // The adjective ending -ый/-ий is written -y, as on the metro's own signs (Okhotny Ryad).
    if (
      (char === 'ы' || char === 'и') &&
      at > 0 &&
      at + 2 === lower.length &&
      lower.endsWith('й')
    ) {
      latin += 'y';
      at += 1;
    } else if (char === 'е' && (previous === undefined || glideBefore.has(previous))) {
      latin += 'ye';
    } else if (char === 'и' && (previous === 'ь' || previous === 'ъ')) {
      latin += 'yi';
    } else {
      latin += letters[char] ?? char;
    }
  }
  return latin;
}

/**
 * A readable English name for a Russian place name, in the simple transliteration Moscow's metro
 * signs use (Shchyolkovskaya, Kiyevskaya, Maryina Roshcha): every word capitalised, as English
 * names of places are, abbreviations in capitals. A starting point that staff can correct, not a standard.
 */
export function latinName(russian: string): string {
  return russian
    .trim()
    .split(/(\s+|-)/u)
    .map((part) => {
      if (/^(\s+|-)$/u.test(part) || part === '') return part;
      const latin = latinWord(part);
      // An abbreviation stays one (ВДНХ, ЗИЛ).
      if (part.length > 1 && part === part.toUpperCase()) return latin.toUpperCase();
      return latin.charAt(0).toUpperCase() + latin.slice(1);
    })
    .join('');
}
