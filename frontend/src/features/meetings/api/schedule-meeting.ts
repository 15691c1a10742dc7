import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { Meeting, MeetingCreate, SeriesCreate } from './types';

export type ScheduleRequest =
  | { kind: 'single'; body: MeetingCreate }
  | { kind: 'series'; body: SeriesCreate };

/** The meetings created: one, or every occurrence of a series. */
export async function scheduleMeeting(request: ScheduleRequest): Promise<Meeting[]> {
  const headers = { 'Idempotency-Key': newIdempotencyKey() };
  if (request.kind === 'single') {
    const { data, error, response } = await api.POST('/api/v1/meetings', { body: request.body, headers });
    if (!data) throw new ApiError(response.status, error);
    return [data];
  }
  const { data, error, response } = await api.POST('/api/v1/meetings/series', {
    body: request.body,
    headers,
  });
  if (!data) throw new ApiError(response.status, error);
  return data.occurrences;
}

export function useScheduleMeeting({ onSuccess }: { onSuccess?: (created: Meeting[]) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: scheduleMeeting,
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['meetings'] });
      onSuccess?.(created);
    },
  });
}
