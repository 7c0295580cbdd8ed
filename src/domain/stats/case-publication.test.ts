import { describe, expect, it } from 'vitest';
import { publicationRefusal } from './case-publication.ts';

describe('publication consent', () => {
  it('may be set on an open or a closed case', () => {
    expect(publicationRefusal({ status: 'open', mergedInto: null })).toBeNull();
    expect(publicationRefusal({ status: 'closed', mergedInto: null })).toBeNull();
  });

  it('is refused on a case merged into another, whose consent counts its events now', () => {
    expect(publicationRefusal({ status: 'closed', mergedInto: 'kept-case' })).toBe('merged');
  });

  it('is refused on a deleted case, which has no events left to count', () => {
    expect(publicationRefusal({ status: 'deleted', mergedInto: null })).toBe('deleted');
  });
});
