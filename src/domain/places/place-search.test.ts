import { describe, expect, it } from 'vitest';
import {
  matchesPlaceSearch,
  placeSearchTerms,
  placeSearchText,
  placeSortKey,
} from './place-search.ts';

const ugreshskaya = placeSearchText({
  nameRu: 'Сборный пункт на Угрешской',
  nameEn: 'Ugreshskaya Assembly Point',
});
const shchyolkovskaya = placeSearchText({ nameRu: 'Щёлковская', nameEn: 'Shchyolkovskaya' });
const kitayGorod = placeSearchText({ nameRu: 'Китай-город', nameEn: 'Kitay-Gorod' });

function finds(searchText: string, query: string): boolean {
  return matchesPlaceSearch(searchText, placeSearchTerms(query));
}

describe('place search', () => {
  it('finds a name by any part of it, whatever the case', () => {
    expect(finds(ugreshskaya, 'угреш')).toBe(true);
    expect(finds(ugreshskaya, 'УГРЕШСКОЙ')).toBe(true);
    expect(finds(ugreshskaya, 'assembly')).toBe(true);
    expect(finds(ugreshskaya, 'ПУНКТ')).toBe(true);
  });

  it('finds a Russian name typed in Latin letters, and an English one typed in Cyrillic', () => {
    expect(finds(shchyolkovskaya, 'shchyolk')).toBe(true);
    expect(finds(shchyolkovskaya, 'Schtschjolkowskaja')).toBe(true);
    const station = placeSearchText({ nameRu: 'Угрешская', nameEn: 'Ugreshskaya' });
    expect(finds(station, 'ugresh')).toBe(true);
    const englishOnly = placeSearchText({ nameRu: 'Суд', nameEn: 'Meshchansky Court' });
    expect(finds(englishOnly, 'мещанск')).toBe(true);
  });

  it('treats ё as е and a hyphen as a space', () => {
    expect(finds(shchyolkovskaya, 'щелков')).toBe(true);
    expect(finds(kitayGorod, 'китай город')).toBe(true);
    expect(finds(kitayGorod, 'kitay gorod')).toBe(true);
  });

  it('finds a name from its first letters, before the folding of glides can catch up', () => {
    const kiyevskaya = placeSearchText({ nameRu: 'Киевская', nameEn: 'Kiyevskaya' });
    for (const prefix of ['к', 'ки', 'кие', 'k', 'ki', 'kiy', 'kiye']) {
      expect(finds(kiyevskaya, prefix), prefix).toBe(true);
    }
  });

  it('does not find what is not there, nor match across two names', () => {
    expect(finds(ugreshskaya, 'таганская')).toBe(false);
    expect(finds(ugreshskaya, 'угрешской ugreshskaya')).toBe(false);
  });

  it('matches everything when nothing was typed', () => {
    expect(placeSearchTerms('  - ')).toEqual([]);
    expect(finds(ugreshskaya, '')).toBe(true);
  });

  it('sorts Russian names alphabetically, ё with е', () => {
    const names = ['Щукинская', 'Ёлки', 'арбатская', 'Елисеевская', 'Яхромская', 'Бабушкинская'];
    const sorted = [...names].sort((a, b) =>
      placeSortKey(a) < placeSortKey(b) ? -1 : placeSortKey(a) > placeSortKey(b) ? 1 : 0,
    );
    expect(sorted).toEqual([
      'арбатская',
      'Бабушкинская',
      'Елисеевская',
      'Ёлки',
      'Щукинская',
      'Яхромская',
    ]);
  });
});
