import type { MeetingFilter } from './get-meetings';

/** Query keys of this feature: everything of one meeting sits under ['meeting', id]. */
export const meetingKeys = {
  lists: () => ['meetings', 'list'] as const,
  list: (filter: MeetingFilter) => ['meetings', 'list', filter] as const,
  all: (meetingId: string) => ['meeting', meetingId] as const,
  detail: (meetingId: string) => ['meeting', meetingId, 'detail'] as const,
  part: (meetingId: string, part: string, ...rest: unknown[]) => ['meeting', meetingId, part, ...rest] as const,
  bodies: () => ['meetingBodies', 'list', 'forMeetings'] as const,
  body: (bodyId: string) => ['meetingBodies', 'detail', bodyId] as const,
  caseSearch: (q: string) => ['meetings', 'caseSearch', q] as const,
};
