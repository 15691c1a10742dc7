import type { components } from '@/shared/api/schema';

type S = components['schemas'];

export type Meeting = S['MeetingRead'];
export type MeetingPage = S['MeetingPage'];
export type MeetingCreate = S['MeetingCreate'];
export type SeriesCreate = S['SeriesCreate'];
export type Series = S['SeriesRead'];
export type MeetingUpdate = S['MeetingUpdate'];
export type MeetingEvent = S['MeetingEventRead'];
export type BodyType = S['BodyType'];
export type Body = S['BodyRead'];
export type BodyDetail = S['BodyDetail'];
export type BodyMember = S['MeetingMemberRead'];
export type AgendaItem = S['AgendaItemRead'];
export type Material = S['MaterialRead'];
export type Minutes = S['MinutesRead'];
export type MinutesWrite = S['MinutesWrite'];
export type ItemMinutes = S['ItemMinutes'];
export type DecisionWrite = S['DecisionWrite'];
export type DecisionType = S['DecisionType'];
export type ActionItem = S['ActionItem'];
export type OwnerKind = S['MeetingOwnerKind'];
export type AgencyAttendee = S['AgencyAttendee'];
export type Decision = S['DecisionDetail'];
export type DeliveryState = S['DeliveryState'];
export type AmendmentCreate = S['MeetingAmendmentCreate'];
export type Amendment = S['AmendmentRead'];
export type FeedToken = S['FeedTokenRead'];
export type CaseSummary = S['CaseRead'];

// Records rather than arrays: a value added to the API is then a type error here.
const decisionOrder: Record<DecisionType, true> = {
  plan_approved: true,
  role_division: true,
  closure: true,
  replan: true,
  continue: true,
};
export const decisionTypes = Object.keys(decisionOrder) as DecisionType[];

const bodyTypeOrder: Record<BodyType, true> = {
  shien: true,
  juusou: true,
  shien_chousei: true,
  case_conference: true,
  coordinators: true,
  first_tier: true,
  popup: true,
  chiiki_care: true,
  youhogo: true,
  jiritsu_shien: true,
};
export const bodyTypes = Object.keys(bodyTypeOrder) as BodyType[];
