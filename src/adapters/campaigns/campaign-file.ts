import { readFileSync } from 'node:fs';
import type { Campaigns } from '../../app/ports/campaigns.ts';
import { type Campaign, campaignList } from '../../domain/campaigns/campaign.ts';

const campaignsFile = new URL('../../../content/campaigns/campaigns.json', import.meta.url);

export class CampaignFileError extends Error {
  override readonly name = 'CampaignFileError';
}

/** Reads `content/campaigns/campaigns.json` once per process; a broken file stops the start. */
export function campaignFile(file: URL = campaignsFile): Campaigns {
  let loaded: readonly Campaign[] | undefined;
  return {
    all() {
      if (loaded !== undefined) return loaded;
      const result = campaignList.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!result.success)
        throw new CampaignFileError(result.error.issues.map((issue) => issue.message).join('; '));
      loaded = [...result.data.campaigns].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
      return loaded;
    },
  };
}
