import type { components } from '@/shared/api/schema';

type Schemas = components['schemas'];
export type Concern = Schemas['Concern'];
export type LifeRisk = Schemas['LifeRisk'];
export type Sex = Schemas['Sex'];
export type ConsulterRelation = Schemas['ConsulterRelation'];
export type IntakeConsent = Schemas['IntakeConsent'];

// Records rather than arrays: a value added to the API is then a type error here.
// The order is the order of the national 相談受付・申込票.
const concernOrder: Record<Concern, true> = {
  health_disability: true,
  housing: true,
  income: true,
  rent_loan: true,
  tax_utilities: true,
  debt: true,
  job_search: true,
  work_worries: true,
  community: true,
  family: true,
  childcare: true,
  care: true,
  withdrawal: true,
  dv_abuse: true,
  no_food: true,
  other: true,
};
export const concerns = Object.keys(concernOrder) as Concern[];

const riskOrder: Record<LifeRisk, true> = {
  suicidal: true,
  abuse: true,
  violence: true,
  no_food: true,
  medical: true,
  other: true,
};
export const lifeRisks = Object.keys(riskOrder) as LifeRisk[];

const sexOrder: Record<Sex, true> = { female: true, male: true, other: true, unknown: true };
export const sexes = Object.keys(sexOrder) as Sex[];

// 本人 is the "no consulter" choice of the form, not a relation to pick from.
const relationOrder: Record<Exclude<ConsulterRelation, 'self'>, true> = {
  family: true,
  neighbour: true,
  agency: true,
  other: true,
};
export const consulterRelations = Object.keys(relationOrder) as ConsulterRelation[];

const consentOrder: Record<IntakeConsent, true> = { given: true, refused: true, not_asked: true };
export const intakeConsents = Object.keys(consentOrder) as IntakeConsent[];
