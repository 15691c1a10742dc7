import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';

export type Agency = components['schemas']['AgencyRead'];

/** The agency directory, to name an action's owner or an agency attending. */
export async function getAgencies(): Promise<Agency[]> {
  const { data, error, response } = await api.GET('/api/v1/agencies', {
    params: { query: { limit: 200, offset: 0 } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data.items;
}

export const agenciesQueryOptions = () =>
  queryOptions({ queryKey: ['meetings', 'agencies'], queryFn: getAgencies, staleTime: 10 * 60_000 });

export function useAgencies() {
  return useQuery(agenciesQueryOptions());
}
