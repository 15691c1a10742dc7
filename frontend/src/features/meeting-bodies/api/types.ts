import type { components } from '@/shared/api/schema';

type S = components['schemas'];

export type Body = S['BodyRead'];
export type BodyDetail = S['BodyDetail'];
export type BodyCreate = S['BodyCreate'];
export type BodyUpdate = S['BodyUpdate'];
export type BodyType = S['BodyType'];
export type Member = S['MeetingMemberRead'];
export type MemberCreate = S['MeetingMemberCreate'];
export type MemberRole = S['MemberRole'];
export type Agency = S['AgencyRead'];
export type Area = S['AreaRead'];

// Records rather than arrays: a value added to the API is then a type error here.
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

const roleOrder: Record<MemberRole, true> = { chair: true, secretariat: true, member: true };
export const memberRoles = Object.keys(roleOrder) as MemberRole[];
