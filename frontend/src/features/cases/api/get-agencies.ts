import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { Agency } from './types';

/** The directory, for choosing an agency in a case (the agencies feature has the full screen). */
export async function getAgencyChoices(): Promise<Agency[]> {
  const { data, error, response } = await api.GET('/api/v1/agencies', {
    params: { query: { limit: 200, offset: 0 } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data.items;
}

export const agencyChoicesQueryOptions = () =>
  queryOptions({ queryKey: ['cases', 'agency-choices'], queryFn: getAgencyChoices, staleTime: 10 * 60_000 });

export function useAgencyChoices() {
  return useQuery(agencyChoicesQueryOptions());
}
