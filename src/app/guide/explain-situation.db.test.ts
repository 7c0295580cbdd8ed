import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedStoryRaw } from '../../../test/support/guide-fixtures.ts';
import { buildEnrolledStaff } from '../../../test/support/staff-fixtures.ts';
import { testClock } from '../../../test/support/test-clock.ts';
import { type TestDatabase, testDialects } from '../../../test/support/test-databases.ts';
import { checkGuide } from '../../domain/guide/guide-answers.ts';
import type { Answers } from '../../domain/intake/answers.ts';
import { buildPorts } from '../../server/container.ts';
import { createOrganisation } from '../organisations/create-organisation.ts';
import type { Ports } from '../ports/ports.ts';
import { explainSituation } from './explain-situation.ts';

describe.each(testDialects())('explainSituation [$name]', (dialect) => {
  let database: TestDatabase;
  let ports: Ports;
  let answers: Answers;

  beforeEach(async () => {
    database = await dialect.open();
    const clock = testClock();
    ports = buildPorts(database, { clock });
    const checked = checkGuide(seedStoryRaw(), clock.now(), 'end');
    if (!checked.ok) throw new Error('the seed story should pass the guide');
    answers = checked.answers;
  });
  afterEach(async () => {
    await database.close();
  });

  async function suspensionFindings(): Promise<string[]> {
    const situation = await explainSituation(ports, answers);
    if (!situation.ok) throw new Error(JSON.stringify(situation.problems));
    expect(situation.asOf).toBe('2026-11-29');
    return situation.findings
      .filter((finding) => finding.ruleId === 'APL-06')
      .map((finding) => `${finding.versionId}/${finding.outcomeId}`);
  }

  async function chooseTheBill(orgId: string): Promise<void> {
    const { userId } = await buildEnrolledStaff(ports, { orgId, roles: ['lawyer'] });
    await ports.unitOfWork.run((repositories) =>
      repositories.ruleSettings.setChoice({
        orgId,
        ruleId: 'APL-06',
        choice: 'bill-2026',
        note: null,
        setBy: userId,
        setAt: new Date('2026-11-29T09:00:00Z'),
      }),
    );
  }

  it('applies the pack’s default versions when no organisation receives reports yet', async () => {
    expect(await suspensionFindings()).toEqual([
      'since-127-fz/suspended',
      'since-127-fz/dispatch-while-suspended',
    ]);
  });

  it('applies the version the receiving organisation’s lawyers chose', async () => {
    const { id } = await createOrganisation(ports, { name: 'Hotline group' });
    await chooseTheBill(id);
    expect(await suspensionFindings()).toEqual([
      'bill-2026/suspension-only-by-court',
      'bill-2026/apply-for-interim-measures',
    ]);
  });

  it('keeps to the defaults when several organisations share the server', async () => {
    const first = await createOrganisation(ports, { name: 'First group' });
    await createOrganisation(ports, { name: 'Second group' });
    await chooseTheBill(first.id);
    expect(await suspensionFindings()).toEqual([
      'since-127-fz/suspended',
      'since-127-fz/dispatch-while-suspended',
    ]);
  });

  it('returns the advice, the fitting documents and the report prefill with the findings', async () => {
    const situation = await explainSituation(ports, answers);
    if (!situation.ok) throw new Error('expected findings');
    expect(situation.advice.map((advice) => advice.id)).toContain('avoid-metro-while-appealing');
    expect(situation.documents.map((document) => document.kind)).toContain(
      'lawyer-access-complaint',
    );
    expect(situation.reportPrefill.situation).toBe('detained');
  });
});
