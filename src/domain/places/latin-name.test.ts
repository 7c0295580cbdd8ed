import { describe, expect, it } from 'vitest';
import { latinName } from './latin-name.ts';

describe('latinName', () => {
  it.each([
    ['Щёлковская', 'Shchyolkovskaya'],
    ['Киевская', 'Kiyevskaya'],
    ['Марьина Роща', 'Maryina Roshcha'],
    ['Охотный Ряд', 'Okhotny Ryad'],
    ['Александровский сад', 'Aleksandrovsky Sad'],
    ['Воробьёвы горы', 'Vorobyovy Gory'],
    ['Китай-город', 'Kitay-Gorod'],
    ['Улица 1905 года', 'Ulitsa 1905 Goda'],
    ['Царицыно', 'Tsaritsyno'],
    ['Электрозаводская', 'Elektrozavodskaya'],
    ['Ясенево', 'Yasenevo'],
  ])('writes %s as %s', (russian, english) => {
    expect(latinName(russian)).toBe(english);
  });

  it('keeps an abbreviation in capitals', () => {
    expect(latinName('ВДНХ')).toBe('VDNKH');
    expect(latinName('Сборный пункт ГВК')).toBe('Sborny Punkt GVK');
  });

  it('leaves Latin letters, digits and spacing inside the name as they are', () => {
    expect(latinName('  Москва-Сити 2 ')).toBe('Moskva-Siti 2');
    expect(latinName('ОВД Tverskoy')).toBe('OVD Tverskoy');
  });
});
