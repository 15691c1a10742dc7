// The codes the services count in, in the order the desk reads them (labels live in i18n).
export const CHANNELS = [
  'visit',
  'phone',
  'email',
  'outreach',
  'popup',
  'referral',
  'neighbour_family',
  'anonymous',
] as const;
export type ChannelCode = (typeof CHANNELS)[number];

export const TRIAGE_OUTCOMES = ['info_closed', 'referral', 'welfare_office', 'link_case', 'new_case'] as const;
export type TriageCode = (typeof TRIAGE_OUTCOMES)[number];

export const MEETING_BODIES = [
  'shien_chousei',
  'juusou',
  'shien',
  'case_conference',
  'coordinators',
  'first_tier',
  'popup',
  'chiiki_care',
  'youhogo',
  'jiritsu_shien',
] as const;

// Colour-blind-safe (Okabe–Ito), in a fixed order so a channel keeps its colour across months.
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
export const INDIVIDUAL_COLOUR = '#0072B2';
export const COMMUNITY_COLOUR = '#E69F00';

export function hours(minutes: number): number {
  return Math.round((minutes / 60) * 10) / 10;
}
