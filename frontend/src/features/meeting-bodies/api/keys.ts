/** Query keys of this feature (the meetings feature reads bodies under ['meetingBodies'] too). */
export const bodyKeys = {
  all: () => ['meetingBodies'] as const,
  list: (includeInactive: boolean) => ['meetingBodies', 'list', { includeInactive }] as const,
  detail: (bodyId: string) => ['meetingBodies', 'admin', bodyId] as const,
  members: (bodyId: string) => ['meetingBodies', 'admin', bodyId, 'members'] as const,
};
