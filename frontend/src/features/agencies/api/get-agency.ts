import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { Agency } from './types';

export async function getAgency(agencyId: string): Promise<Agency> {
  const { data, error, response } = await api.GET('/api/v1/agencies/{agency_id}', {
    params: { path: { agency_id: agencyId } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const agencyQueryOptions = (agencyId: string) =>
  queryOptions({ queryKey: ['agencies', 'detail', agencyId], queryFn: () => getAgency(agencyId) });

export function useAgency(agencyId: string) {
  return useQuery(agencyQueryOptions(agencyId));
}
