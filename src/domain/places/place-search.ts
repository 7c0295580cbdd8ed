import { normaliseName } from '../persons/person-name-key.ts';

export const placeQueryMaxLength = 100;

/** Lower case, ё as е, every run of punctuation or space one space: "Китай-город" ~ "китай город". */
function plainForm(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/gu, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Both scripts folded to one reduced Cyrillic alphabet, the way person names are matched:
 * "Shchyolkovskaya", "Щелковская" and "Schtschjolkowskaja" all read "шелковскаиа".
 */
function foldedForm(text: string): string {
  return normaliseName(text).replace(/-/gu, ' ');
}

/**
 * The text a place is searched by, stored beside it: each name as written (lower case) and
 * folded across scripts, one form per line. A query matches when one of its forms is part of
 * one of these lines, so nothing matches across two names.
 */
export function placeSearchText(names: { nameRu: string; nameEn: string }): string {
  const forms = [
    plainForm(names.nameRu),
    plainForm(names.nameEn),
    foldedForm(names.nameRu),
    foldedForm(names.nameEn),
  ].filter((form) => form !== '');
  return [...new Set(forms)].join('\n');
}

/**
 * The forms of what someone typed, to look for in `placeSearchText`. The plain form finds a
 * name being typed letter by letter in its own script; the folded one finds it typed in the
 * other script ("ugresh" finds Угрешская). Empty when there is nothing to look for.
 */
export function placeSearchTerms(query: string): string[] {
  const forms = [plainForm(query), foldedForm(query)].filter((form) => form !== '');
  return [...new Set(forms)];
}

/** Whether a place with this search text matches these terms; no terms match everything. */
export function matchesPlaceSearch(searchText: string, terms: readonly string[]): boolean {
  return terms.length === 0 || terms.some((term) => searchText.includes(term));
}

/**
 * The key places are listed in: the Russian name in lower case with ё as е, which sorts in
 * alphabetical order by code point on every database.
 */
export function placeSortKey(nameRu: string): string {
  return nameRu.normalize('NFC').toLowerCase().replace(/ё/gu, 'е');
}
