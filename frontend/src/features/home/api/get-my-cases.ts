import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { HomeCase } from './types';

export type MyCasesFilter = { lead?: string; area?: string };

/** Open cases (closed ones left out) that the user leads, or of the user's area. */
export async function getMyCases(filter: MyCasesFilter): Promise<HomeCase[]> {
  const { data, error, response } = await api.GET('/api/v1/cases', {
    params: { query: { limit: 100, offset: 0, ...filter } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data.items.filter((c) => c.status !== 'closed');
}

export const myCasesQueryOptions = (filter: MyCasesFilter) =>
  queryOptions({ queryKey: ['home', 'cases', filter], queryFn: () => getMyCases(filter) });

export function useMyCases(filter: MyCasesFilter, enabled = true) {
  return useQuery({ ...myCasesQueryOptions(filter), enabled });
}
