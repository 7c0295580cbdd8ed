import type { Campaign } from '../../domain/campaigns/campaign.ts';

/** The conscription campaigns shipped with Habeas, oldest first, validated on load. */
export interface Campaigns {
  all(): readonly Campaign[];
}
