import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';
import { caseKeys } from './keys';

export type RecordPage = components['schemas']['RecordPage'];

export async function getRecords(caseId: string, limit: number): Promise<RecordPage> {
  const { data, error, response } = await api.GET('/api/v1/cases/{case_id}/records', {
    params: { path: { case_id: caseId }, query: { limit, offset: 0 } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const recordsQueryOptions = (caseId: string, limit = 200) =>
  queryOptions({
    queryKey: caseKeys.part(caseId, 'records', limit),
    queryFn: () => getRecords(caseId, limit),
  });

export function useRecords(caseId: string, limit = 200) {
  return useQuery(recordsQueryOptions(caseId, limit));
}
