import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { DueSafetyCheck } from './types';

/** Every open safety check the user may see, earliest due first (overdue ones flagged). */
export async function getDueSafetyChecks(): Promise<DueSafetyCheck[]> {
  const { data, error, response } = await api.GET('/api/v1/safety-checks', {
    params: { query: { status: 'due', limit: 100, offset: 0 } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data.items;
}

export const dueSafetyChecksQueryOptions = () =>
  queryOptions({
    queryKey: ['home', 'safety-checks', 'due'],
    queryFn: getDueSafetyChecks,
    // A check can fall due while the page is open.
    refetchInterval: 60_000,
  });

export function useDueSafetyChecks(enabled = true) {
  return useQuery({ ...dueSafetyChecksQueryOptions(), enabled });
}
