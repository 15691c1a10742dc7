import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import { statisticsKeys } from './keys';
import type { MonthlyStatistics, StatisticsFilter } from './types';

export async function getMonthly({ month, area }: StatisticsFilter): Promise<MonthlyStatistics> {
  const { data, error, response } = await api.GET('/api/v1/statistics/monthly', {
    params: { query: { month, ...(area ? { area } : {}) } },
  });
  // The route also answers text/csv (with Accept: text/csv); asked plainly, it answers JSON.
  if (!data || typeof data === 'string') throw new ApiError(response.status, error);
  return data;
}

export const monthlyQueryOptions = (filter: StatisticsFilter) =>
  queryOptions({ queryKey: statisticsKeys.monthly(filter), queryFn: () => getMonthly(filter) });

export function useMonthly(filter: StatisticsFilter) {
  return useQuery(monthlyQueryOptions(filter));
}
