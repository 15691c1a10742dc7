import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { Workload } from './types';

export async function getWorkload(month: string, area?: string): Promise<Workload> {
  const { data, error, response } = await api.GET('/api/v1/activities/workload', {
    params: { query: { month, ...(area ? { area } : {}) } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const workloadQueryOptions = (month: string, area?: string) =>
  queryOptions({ queryKey: ['activities', 'workload', month, area], queryFn: () => getWorkload(month, area) });

export function useWorkload(month: string, area: string | undefined, enabled: boolean) {
  return useQuery({ ...workloadQueryOptions(month, area), enabled });
}
