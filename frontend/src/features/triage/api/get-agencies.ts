import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { paths } from '@/shared/api/schema';

export type Agency =
  paths['/api/v1/agencies']['get']['responses'][200]['content']['application/json']['items'][number];

/** The agency directory (つなぎ先 candidates), the area's own and the city-wide ones. */
export async function getAgencies(area: string | undefined): Promise<Agency[]> {
  const { data, error, response } = await api.GET('/api/v1/agencies', {
    params: { query: { limit: 200, ...(area ? { area } : {}) } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data.items;
}

export const agenciesQueryOptions = (area: string | undefined) =>
  queryOptions({
    queryKey: ['agencies', 'list', { area: area ?? null }],
    queryFn: () => getAgencies(area),
    staleTime: 10 * 60_000,
  });

export function useAgencies(area: string | undefined, enabled = true) {
  return useQuery({ ...agenciesQueryOptions(area), enabled });
}
