import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';
import { caseKeys } from './keys';

export type HistoryPage = components['schemas']['HistoryPage'];

export async function getHistory(caseId: string): Promise<HistoryPage> {
  const { data, error, response } = await api.GET('/api/v1/cases/{case_id}/history', {
    params: { path: { case_id: caseId }, query: { limit: 500, offset: 0 } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const historyQueryOptions = (caseId: string) =>
  queryOptions({ queryKey: caseKeys.part(caseId, 'history'), queryFn: () => getHistory(caseId) });

export function useHistory(caseId: string) {
  return useQuery(historyQueryOptions(caseId));
}
