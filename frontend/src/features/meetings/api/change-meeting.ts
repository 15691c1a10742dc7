import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import { meetingWithEtag, type MeetingWithEtag } from './get-meeting';
import { meetingKeys } from './keys';
import type { MeetingUpdate } from './types';

type Update = { meetingId: string; etag: string; body: MeetingUpdate };

/** Reschedule or change a meeting; 412 when someone changed it first. */
export async function updateMeeting({ meetingId, etag, body }: Update): Promise<MeetingWithEtag> {
  const { data, error, response } = await api.PATCH('/api/v1/meetings/{meeting_id}', {
    params: { path: { meeting_id: meetingId }, header: { 'If-Match': etag } },
    body,
  });
  if (!data) throw new ApiError(response.status, error);
  return meetingWithEtag(data, response);
}

type Cancel = { meetingId: string; etag: string; reason: string };

export async function cancelMeeting({ meetingId, etag, reason }: Cancel): Promise<MeetingWithEtag> {
  const { data, error, response } = await api.POST('/api/v1/meetings/{meeting_id}/cancel', {
    params: { path: { meeting_id: meetingId }, header: { 'If-Match': etag } },
    body: { reason },
  });
  if (!data) throw new ApiError(response.status, error);
  return meetingWithEtag(data, response);
}

function useMeetingMutation<T extends { meetingId: string }>(
  fn: (input: T) => Promise<MeetingWithEtag>,
  onSuccess?: () => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (saved, input) => {
      queryClient.setQueryData(meetingKeys.detail(input.meetingId), saved);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['meetings'] }),
        queryClient.invalidateQueries({ queryKey: meetingKeys.part(input.meetingId, 'history') }),
      ]);
      onSuccess?.();
    },
  });
}

export function useUpdateMeeting({ onSuccess }: { onSuccess?: () => void } = {}) {
  return useMeetingMutation(updateMeeting, onSuccess);
}

export function useCancelMeeting({ onSuccess }: { onSuccess?: () => void } = {}) {
  return useMeetingMutation(cancelMeeting, onSuccess);
}
