import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import { monthsBefore } from '../utils/months';
import { statisticsKeys } from './keys';
import type { StatisticsFilter, StatisticsRange } from './types';

/** The 12 months ending with `month`, for the charts (one request; the gateway asks each service once). */
export async function getRange({ month, area }: StatisticsFilter): Promise<StatisticsRange> {
  const { data, error, response } = await api.GET('/api/v1/statistics/monthly/range', {
    params: { query: { from: monthsBefore(month, 11), to: month, ...(area ? { area } : {}) } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const rangeQueryOptions = (filter: StatisticsFilter) =>
  queryOptions({ queryKey: statisticsKeys.range(filter), queryFn: () => getRange(filter) });

export function useRange(filter: StatisticsFilter) {
  return useQuery(rangeQueryOptions(filter));
}
