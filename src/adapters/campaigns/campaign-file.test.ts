import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { campaignOn } from '../../domain/campaigns/campaign.ts';
import { CampaignFileError, campaignFile } from './campaign-file.ts';

describe('campaign file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'habeas-campaigns-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('ships the campaigns with their quotas, and finds the campaign of a day', () => {
    const campaigns = campaignFile().all();
    expect(campaignOn('2025-11-03', campaigns)?.quota).toBe(135_000);
    expect(campaignOn('2025-05-03', campaigns)?.quota).toBe(160_000);
    expect(campaignOn('2026-08-01', campaigns)?.id).toBe('2026');
    expect(campaignOn('2025-08-01', campaigns)).toBeNull();
    for (const campaign of campaigns) expect(campaign.decree.sourceUrls.length).toBeGreaterThan(0);
  });

  it('refuses campaigns that overlap', () => {
    const file = path.join(dir, 'campaigns.json');
    const entry = (id: string, startsOn: string, endsOn: string) => ({
      id,
      name: { ru: id, en: id },
      startsOn,
      endsOn,
      decree: { title: { ru: 'Указ', en: 'Decree' }, sourceUrls: ['https://example.org/'] },
      quota: 1,
    });
    writeFileSync(
      file,
      JSON.stringify({
        campaigns: [entry('a', '2025-01-01', '2025-06-30'), entry('b', '2025-06-01', '2025-12-31')],
      }),
    );
    expect(() => campaignFile(pathToFileURL(file)).all()).toThrow(CampaignFileError);
    expect(() => campaignFile(pathToFileURL(file)).all()).toThrow('a overlaps b');
  });
});
