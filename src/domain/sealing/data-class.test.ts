import { describe, expect, it } from 'vitest';
import { staffUserDataClasses } from '../accounts/staff-user.ts';
import { caseFileDataClasses } from '../cases/case-file.ts';
import { personDataClasses } from '../persons/person.ts';
import { personalFields } from './data-class.ts';

describe('data classes', () => {
  it('seals every field that identifies or describes a person', () => {
    expect(personalFields(personDataClasses).sort()).toEqual([
      'birthDate',
      'fullName',
      'notes',
      'phone',
    ]);
  });

  it('keeps the case frame operational, so a seized database shows that a case exists, not whose', () => {
    expect(personalFields(caseFileDataClasses)).toEqual([]);
    expect(personalFields(staffUserDataClasses)).toEqual([]);
  });
});
