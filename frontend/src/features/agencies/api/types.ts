import type { components } from '@/shared/api/schema';

export type Agency = components['schemas']['AgencyRead'];
export type AgencyPage = components['schemas']['AgencyPage'];
export type AgencyKind = components['schemas']['AgencyKind'];
export type Partner = components['schemas']['Partner'];
export type Area = components['schemas']['AreaRead'];

const kindOrder: Record<AgencyKind, true> = {
  houkatsu: true,
  shougai_center: true,
  kodomo_center: true,
  city_welfare: true,
  city_children: true,
  city_education: true,
  hospital: true,
  social_welfare_corp: true,
  employer: true,
  npo: true,
  other: true,
};
export const agencyKinds = Object.keys(kindOrder) as AgencyKind[];

const partnerOrder: Record<Partner, true> = { employment_prep: true, participation: true };
export const partners = Object.keys(partnerOrder) as Partner[];
