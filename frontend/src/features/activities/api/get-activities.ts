import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { ActivityKind, ActivityPage } from './types';

export type ActivityFilter = { month?: string; area?: string; csw?: string; kind?: ActivityKind };

export async function getActivities(filter: ActivityFilter): Promise<ActivityPage> {
  const { data, error, response } = await api.GET('/api/v1/activities', {
    params: { query: { limit: 200, offset: 0, ...filter } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const activitiesQueryOptions = (filter: ActivityFilter) =>
  queryOptions({
    queryKey: ['activities', 'list', filter],
    queryFn: () => getActivities(filter),
    placeholderData: keepPreviousData,
  });

export function useActivities(filter: ActivityFilter) {
  return useQuery(activitiesQueryOptions(filter));
}
