import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { AgencyKind, AgencyPage, Partner } from './types';

export type AgencyFilter = { kind?: AgencyKind; area?: string; partner?: Partner; q?: string };

export async function getAgencies(filter: AgencyFilter): Promise<AgencyPage> {
  const { data, error, response } = await api.GET('/api/v1/agencies', {
    params: { query: { limit: 200, offset: 0, ...filter } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const agenciesQueryOptions = (filter: AgencyFilter) =>
  queryOptions({
    queryKey: ['agencies', 'list', filter],
    queryFn: () => getAgencies(filter),
    placeholderData: keepPreviousData,
  });

export function useAgencies(filter: AgencyFilter) {
  return useQuery(agenciesQueryOptions(filter));
}
