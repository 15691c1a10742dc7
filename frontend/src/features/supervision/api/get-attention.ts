import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';

export type Attention = components['schemas']['Attention'];
export type AttentionItem = components['schemas']['AttentionItem'];
export type AttentionArea = components['schemas']['AreaRead'];

export async function getAttention(): Promise<Attention> {
  const { data, error, response } = await api.GET('/api/v1/statistics/attention');
  if (!data) throw new ApiError(response.status, error);
  return data;
}

// What waits changes all day: look again every minute while the page is open.
export const attentionQueryOptions = () =>
  queryOptions({ queryKey: ['supervision', 'attention'], queryFn: getAttention, refetchInterval: 60_000 });

export function useAttention() {
  return useQuery(attentionQueryOptions());
}

export async function getAreas(): Promise<AttentionArea[]> {
  const { data, error, response } = await api.GET('/api/v1/areas');
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export function useAreaNames() {
  return useQuery({
    queryKey: ['supervision', 'areas'],
    queryFn: getAreas,
    staleTime: 60 * 60_000,
    select: (areas) => new Map(areas.map((a) => [a.code, a.name])),
  });
}
