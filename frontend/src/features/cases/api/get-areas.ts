import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';

export type Area = components['schemas']['AreaRead'];

export async function getAreas(): Promise<Area[]> {
  const { data, error, response } = await api.GET('/api/v1/areas');
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const areasQueryOptions = () =>
  queryOptions({ queryKey: ['areas'], queryFn: getAreas, staleTime: 60 * 60_000 });

export function useAreas() {
  return useQuery(areasQueryOptions());
}
