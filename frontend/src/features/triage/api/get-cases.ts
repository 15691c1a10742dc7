import { keepPreviousData, queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { paths } from '@/shared/api/schema';

export type CaseSummary =
  paths['/api/v1/cases/{case_id}']['get']['responses'][200]['content']['application/json'];

/** Cases whose title contains `q` (for 既存ケースに追加). */
export async function searchCases(q: string): Promise<CaseSummary[]> {
  const { data, error, response } = await api.GET('/api/v1/cases', {
    params: { query: { q, limit: 20 } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data.items;
}

export const caseSearchQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ['cases', 'search', q],
    queryFn: () => searchCases(q),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });

export function useCaseSearch(q: string) {
  return useQuery(caseSearchQueryOptions(q));
}

export async function getCase(id: string): Promise<CaseSummary> {
  const { data, error, response } = await api.GET('/api/v1/cases/{case_id}', {
    params: { path: { case_id: id } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const caseQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['cases', 'detail', id], queryFn: () => getCase(id) });

/** Several cases at once (the cases of the match candidates), in the order given. */
export function useCasesById(ids: string[]) {
  return useQueries({ queries: ids.map((id) => caseQueryOptions(id)) });
}
