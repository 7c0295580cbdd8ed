/**
 * A relative's web report: a man detained at Vykhino metro on 30 November 2026 at 12:40 and
 * taken to the Ugreshskaya centre. The name carries a canary, so that a test can prove it never
 * leaves the sealed store.
 */
export function detentionAnswers(personName: string): Record<string, string> {
  return {
    'reporter-role': 'relative',
    situation: 'detained',
    'person-name': personName,
    'person-birth-date': '2006-03-01',
    'contact-phone': '+7 916 000-00-00',
    'taken-from': 'metro',
    'detained-at': '2026-11-30T12:40',
    'taken-to': 'conscription-centre',
    'taken-from-station': 'metro-station:vykhino',
    'taken-to-centre': 'conscription-centre:ugreshskaya',
    'pending-appeal': 'no',
    'needs-lawyer': 'yes',
    consent: 'yes',
  };
}
