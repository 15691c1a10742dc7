import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { HomeCasePage } from './types';

export type MyCasesFilter = { lead?: string; area?: string; limit: number; offset: number };

/**
 * One page of the open cases the user leads, or of the user's area (an agency: those shared with it);
 * closed (終結) cases stay on the case list, not on the home page.
 */
export async function getMyCases(filter: MyCasesFilter): Promise<HomeCasePage> {
  const { data, error, response } = await api.GET('/api/v1/cases', { params: { query: { ...filter, open: true } } });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const myCasesQueryOptions = (filter: MyCasesFilter) =>
  queryOptions({
    queryKey: ['home', 'cases', filter],
    queryFn: () => getMyCases(filter),
    placeholderData: keepPreviousData,
  });

export function useMyCases(filter: MyCasesFilter, enabled = true) {
  return useQuery({ ...myCasesQueryOptions(filter), enabled });
}
