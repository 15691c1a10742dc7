import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import { caseKeys } from './keys';
import type { CasePage, CaseStatus, RiskFlag } from './types';

export type CaseFilter = {
  area?: string;
  status?: CaseStatus;
  risk?: RiskFlag;
  lead?: string;
  q?: string;
  overdue?: boolean;
  offset?: number;
  limit?: number;
};

export const CASES_PAGE_SIZE = 50;

export async function getCases(filter: CaseFilter): Promise<CasePage> {
  const { data, error, response } = await api.GET('/api/v1/cases', {
    params: { query: { limit: CASES_PAGE_SIZE, ...filter, offset: filter.offset ?? 0 } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const casesQueryOptions = (filter: CaseFilter) =>
  queryOptions({
    queryKey: caseKeys.list(filter),
    queryFn: () => getCases(filter),
    placeholderData: keepPreviousData,
  });

export function useCases(filter: CaseFilter) {
  return useQuery(casesQueryOptions(filter));
}
