import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import { meetingKeys } from './keys';
import type { Amendment, AmendmentCreate, Decision, Minutes, MinutesWrite } from './types';

/** The minutes with the ETag to send back as If-Match ("0" before the first save). */
export type MinutesWithEtag = { minutes: Minutes; etag: string };

function withEtag(minutes: Minutes, response: Response): MinutesWithEtag {
  return { minutes, etag: response.headers.get('ETag') ?? `"${minutes.version}"` };
}

export async function getMinutes(meetingId: string): Promise<MinutesWithEtag> {
  const { data, error, response } = await api.GET('/api/v1/meetings/{meeting_id}/minutes', {
    params: { path: { meeting_id: meetingId } },
  });
  if (!data) throw new ApiError(response.status, error);
  return withEtag(data, response);
}

export const minutesQueryOptions = (meetingId: string) =>
  queryOptions({ queryKey: meetingKeys.part(meetingId, 'minutes'), queryFn: () => getMinutes(meetingId) });

export function useMinutes(meetingId: string) {
  return useQuery(minutesQueryOptions(meetingId));
}

type Save = { meetingId: string; etag: string; body: MinutesWrite };

/** Save the whole draft (PUT replaces it); 412 when someone saved in between. */
export async function saveMinutes({ meetingId, etag, body }: Save): Promise<MinutesWithEtag> {
  const { data, error, response } = await api.PUT('/api/v1/meetings/{meeting_id}/minutes', {
    params: { path: { meeting_id: meetingId }, header: { 'If-Match': etag } },
    body,
  });
  if (!data) throw new ApiError(response.status, error);
  return withEtag(data, response);
}

type Finalise = { meetingId: string; etag: string };

/** Lock the minutes: each decision goes to its case through meeting-api's outbox. */
export async function finaliseMinutes({ meetingId, etag }: Finalise): Promise<MinutesWithEtag> {
  const { data, error, response } = await api.POST('/api/v1/meetings/{meeting_id}/minutes/finalise', {
    params: { path: { meeting_id: meetingId }, header: { 'If-Match': etag } },
  });
  if (!data) throw new ApiError(response.status, error);
  return withEtag(data, response);
}

function useMinutesMutation<T extends { meetingId: string }>(fn: (input: T) => Promise<MinutesWithEtag>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (saved, input) => {
      queryClient.setQueryData(meetingKeys.part(input.meetingId, 'minutes'), saved);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: meetingKeys.part(input.meetingId, 'decisions') }),
        queryClient.invalidateQueries({ queryKey: meetingKeys.part(input.meetingId, 'history') }),
      ]);
    },
  });
}

export function useSaveMinutes() {
  return useMinutesMutation(saveMinutes);
}

export function useFinaliseMinutes() {
  return useMinutesMutation(finaliseMinutes);
}

type Amend = { meetingId: string; body: AmendmentCreate };

export async function addAmendment({ meetingId, body }: Amend): Promise<Amendment> {
  const { data, error, response } = await api.POST('/api/v1/meetings/{meeting_id}/minutes/amendments', {
    params: { path: { meeting_id: meetingId } },
    body,
    headers: { 'Idempotency-Key': newIdempotencyKey() },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export function useAddAmendment({ onSuccess }: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addAmendment,
    onSuccess: async (_, input) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: meetingKeys.part(input.meetingId, 'minutes') }),
        queryClient.invalidateQueries({ queryKey: meetingKeys.part(input.meetingId, 'decisions') }),
      ]);
      onSuccess?.();
    },
  });
}

export async function getDecisions(meetingId: string): Promise<Decision[]> {
  const { data, error, response } = await api.GET('/api/v1/meetings/{meeting_id}/decisions', {
    params: { path: { meeting_id: meetingId } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const decisionsQueryOptions = (meetingId: string) =>
  queryOptions({
    queryKey: meetingKeys.part(meetingId, 'decisions'),
    queryFn: () => getDecisions(meetingId),
  });

/** The decisions; asked again every few seconds while any delivery to case-api is still pending. */
export function useDecisions(meetingId: string, enabled = true) {
  return useQuery({
    ...decisionsQueryOptions(meetingId),
    enabled,
    refetchInterval: (query) =>
      query.state.data?.some((d) => d.delivery_state === 'pending') ? 3000 : false,
  });
}
