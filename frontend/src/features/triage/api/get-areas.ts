import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { paths } from '@/shared/api/schema';

export type Area =
  paths['/api/v1/areas']['get']['responses'][200]['content']['application/json'][number];

export async function getAreas(): Promise<Area[]> {
  const { data, error, response } = await api.GET('/api/v1/areas');
  if (!data) throw new ApiError(response.status, error);
  return data;
}

// The same key as the other features' area lists: fetched once per session.
export const areasQueryOptions = () =>
  queryOptions({ queryKey: ['areas'], queryFn: getAreas, staleTime: 60 * 60_000 });

export function useAreas() {
  return useQuery(areasQueryOptions());
}
