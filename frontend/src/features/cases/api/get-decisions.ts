import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import { caseKeys } from './keys';
import type { Decision } from './types';

/** The meeting decisions about this case (a closure decision's id closes a 重層事業 case). */
export async function getDecisions(caseId: string): Promise<Decision[]> {
  const { data, error, response } = await api.GET('/api/v1/meetings/decisions', {
    params: { query: { case_id: caseId } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const decisionsQueryOptions = (caseId: string) =>
  queryOptions({ queryKey: caseKeys.part(caseId, 'decisions'), queryFn: () => getDecisions(caseId) });

export function useDecisions(caseId: string, enabled: boolean) {
  return useQuery({ ...decisionsQueryOptions(caseId), enabled });
}
