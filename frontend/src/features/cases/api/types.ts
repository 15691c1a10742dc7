import type { components } from '@/shared/api/schema';

type S = components['schemas'];

export type Case = S['CaseRead'];
export type CasePage = S['CasePage'];
export type CaseStatus = S['CaseStatus'];
export type RiskFlag = S['RiskFlag'];
export type ExistingSystem = S['ExistingSystem'];
export type ConsentStatus = S['ConsentStatus'];
export type ConsentMethod = S['ConsentMethod'];
export type ConsentPart = S['ConsentPart'];
export type MeetingBody = S['MeetingBody'];
export type ClosureReason = S['ClosureReason'];
export type Household = S['HouseholdRead'];
export type Relationship = S['CaseRelationship'];
export type RecordKind = S['RecordKind'];
export type SupportRecord = S['RecordRead'];
export type Plan = S['PlanRead'];
export type PlanSummary = S['PlanSummary'];
export type PlanAction = S['PlanActionRead'];
export type PlanWrite = S['PlanWrite'];
export type ActionStatus = S['ActionStatus'];
export type OwnerKind = S['OwnerKind'];
export type ConsentHistory = S['ConsentHistory'];
export type Involvement = S['InvolvementRead'];
export type Agency = S['AgencyRead'];
export type SafetyCheck = S['SafetyCheckRead'];
export type SafetyOutcome = S['SafetyOutcome'];
export type Recommendation = S['RecommendationRead'];
export type Share = S['ShareRead'];
export type GranteeKind = S['GranteeKind'];
export type CaseEvent = S['CaseEventRead'];
export type EventKind = S['EventKind'];
export type Decision = S['DecisionDetail'];

// Records rather than arrays, so that a value added to the API is a type error here.
const statusOrder: Record<CaseStatus, true> = {
  intake: true,
  assessment: true,
  planning: true,
  supporting: true,
  evaluation: true,
  watching: true,
  closed: true,
};
export const caseStatuses = Object.keys(statusOrder) as CaseStatus[];

const riskOrder: Record<RiskFlag, true> = {
  suicide_risk: true,
  violence: true,
  self_neglect: true,
  visit_caution: true,
};
export const riskFlags = Object.keys(riskOrder) as RiskFlag[];

const systemOrder: Record<ExistingSystem, true> = {
  none: true,
  seikatsu_konkyu: true,
  kaigo: true,
  jidou: true,
  shougai: true,
  other_system: true,
};
export const existingSystems = Object.keys(systemOrder) as ExistingSystem[];

const bodyOrder: Record<MeetingBody, true> = {
  shien_chousei: true,
  juusou: true,
  shien: true,
  chiiki_care: true,
  youhogo: true,
  jiritsu_shien: true,
};
export const meetingBodies = Object.keys(bodyOrder) as MeetingBody[];

const closureOrder: Record<ClosureReason, true> = {
  goal_met: true,
  transferred: true,
  moved: true,
  refused: true,
  deceased: true,
  other: true,
};
export const closureReasons = Object.keys(closureOrder) as ClosureReason[];

const relationshipOrder: Record<Relationship, true> = {
  self: true,
  parent: true,
  child: true,
  spouse: true,
  sibling: true,
  grandparent: true,
  grandchild: true,
  other_relative: true,
  cohabitant: true,
};
export const relationships = Object.keys(relationshipOrder) as Relationship[];

const recordKindOrder: Record<RecordKind, true> = {
  visit: true,
  call: true,
  office: true,
  accompaniment: true,
  safety_check: true,
  meeting: true,
  email: true,
  other: true,
};
export const recordKinds = Object.keys(recordKindOrder) as RecordKind[];

const consentOrder: Record<ConsentStatus, true> = {
  given: true,
  refused: true,
  withdrawn: true,
  not_asked: true,
};
export const consentStatuses = Object.keys(consentOrder) as ConsentStatus[];

const methodOrder: Record<ConsentMethod, true> = { written: true, verbal: true, other: true };
export const consentMethods = Object.keys(methodOrder) as ConsentMethod[];

const partOrder: Record<ConsentPart, true> = {
  records: true,
  plan: true,
  consents: true,
  safety_checks: true,
  agencies: true,
};
export const consentParts = Object.keys(partOrder) as ConsentPart[];

const outcomeOrder: Record<SafetyOutcome, true> = {
  safe: true,
  unreachable: true,
  hospitalised: true,
  emergency: true,
  other: true,
};
export const safetyOutcomes = Object.keys(outcomeOrder) as SafetyOutcome[];

/** The 重層事業 bodies: closing a case that goes to them needs the meeting's decision. */
export const JUUSOU_BODIES: readonly MeetingBody[] = ['juusou', 'shien'];

/**
 * The moves case-api allows (case_api/cases/rules.py TRANSITIONS), to offer only those as
 * buttons; the server checks again and answers 409 if they ever differ.
 */
export const TRANSITIONS: Record<CaseStatus, CaseStatus[]> = {
  intake: ['assessment', 'watching', 'closed'],
  assessment: ['planning', 'watching', 'closed'],
  planning: ['supporting', 'assessment', 'watching', 'closed'],
  supporting: ['evaluation', 'planning', 'watching', 'closed'],
  evaluation: ['supporting', 'planning', 'watching', 'closed'],
  watching: ['assessment', 'supporting', 'closed'],
  closed: ['assessment', 'watching'],
};
