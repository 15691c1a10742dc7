import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import { meetingKeys } from './keys';
import type { Body, BodyDetail } from './types';

/** The active bodies, for the calendar's filter and the scheduling form. */
export async function getBodies(): Promise<Body[]> {
  const { data, error, response } = await api.GET('/api/v1/meeting-bodies', {});
  if (!data) throw new ApiError(response.status, error);
  return data.items;
}

export const bodiesQueryOptions = () =>
  queryOptions({ queryKey: meetingKeys.bodies(), queryFn: getBodies, staleTime: 60_000 });

export function useBodies() {
  return useQuery(bodiesQueryOptions());
}

/** One body with its members (the form prefills participants from them). */
export async function getBody(bodyId: string): Promise<BodyDetail> {
  const { data, error, response } = await api.GET('/api/v1/meeting-bodies/{body_id}', {
    params: { path: { body_id: bodyId } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const bodyQueryOptions = (bodyId: string) =>
  queryOptions({ queryKey: meetingKeys.body(bodyId), queryFn: () => getBody(bodyId) });

export function useBody(bodyId: string | null | undefined) {
  return useQuery({ ...bodyQueryOptions(bodyId ?? ''), enabled: Boolean(bodyId) });
}
