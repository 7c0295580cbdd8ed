import { describe, expect, it } from 'vitest';
import type { CaseFacts } from '../../domain/rules/case-facts.ts';
import { buildRequest, formOf } from './facts-form.ts';

describe('the facts form filled from a case', () => {
  it('gives back the same facts when sent unchanged', () => {
    const facts: CaseFacts = {
      person: { birthDate: '2004-05-06', region: 'moscow' },
      draftDecision: { by: 'municipal', madeOn: '2026-10-01' },
      notice: { kind: 'electronic', postedToRegister: '2026-10-05', appearanceDate: '2026-10-20' },
      appeal: { level: 'court', against: 'municipal', filedDate: '2026-10-10', pending: true },
      lawyer: { refusedEntry: '2026-11-20T14:05:00+03:00', powerOfAttorney: 'notarised' },
    };
    const form = formOf(facts, '2026-11-29');
    expect(form.open).toEqual({
      draftDecision: true,
      notice: true,
      appeal: true,
      detention: false,
      lawyer: true,
    });
    expect(buildRequest(form)).toEqual({ ok: true, request: { facts, asOf: '2026-11-29' } });
  });

  it('leaves everything closed for a case with no facts yet', () => {
    const form = formOf({}, '2026-11-29');
    expect(Object.values(form.open).some(Boolean)).toBe(false);
    expect(buildRequest(form)).toEqual({ ok: true, request: { facts: {}, asOf: '2026-11-29' } });
  });
});
