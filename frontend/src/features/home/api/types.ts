import type { components } from '@/shared/api/schema';

export type HomeCase = components['schemas']['CaseRead'];
export type HomeCasePage = components['schemas']['CasePage'];
export type DueSafetyCheck = components['schemas']['SafetyCheckRead'];
export type DueAction = components['schemas']['DueAction'];
