/**
 * The seed story as the guide's form posts it: a conscript in Moscow appealing the regional
 * commission's decision in court, held after a stop in the metro and taken to the assembly
 * point, his lawyer with a notarised power of attorney turned away. Dates suit a clock of
 * 29 November 2026 (see test-clock.ts).
 */
export function seedStoryRaw(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'detained-now': 'yes',
    region: 'moscow',
    'detained-at': '2026-11-29T09:40',
    'detained-place': 'metro',
    'taken-to': 'conscription-centre',
    'lawyer-turned-away': 'yes',
    'lawyer-refused-at': '29.11.2026 12:00',
    'power-of-attorney': 'notarised',
    'notice-kind': 'none',
    'decision-by': 'regional',
    'decision-made-on': '2026-07-01',
    'decision-learned-on': '2026-07-03',
    'appeal-level': 'court',
    'appeal-filed-on': '2026-09-10',
    'appeal-against': 'regional',
    'appeal-pending': 'yes',
    'appeal-case-number': '2а-1234/2026',
    ...overrides,
  };
}
