import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';
import { caseKeys, weakEtag } from './keys';
import type { SafetyCheck } from './types';

export type OutcomeCreate = components['schemas']['OutcomeCreate'];

export async function getCaseSafetyChecks(caseId: string): Promise<SafetyCheck[]> {
  const { data, error, response } = await api.GET('/api/v1/cases/{case_id}/safety-checks', {
    params: { path: { case_id: caseId }, query: { limit: 100, offset: 0 } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data.items;
}

export const caseSafetyChecksQueryOptions = (caseId: string) =>
  queryOptions({
    queryKey: caseKeys.part(caseId, 'safety-checks'),
    queryFn: () => getCaseSafetyChecks(caseId),
  });

export function useCaseSafetyChecks(caseId: string) {
  return useQuery(caseSafetyChecksQueryOptions(caseId));
}

export async function recordOutcome(check: SafetyCheck, body: OutcomeCreate): Promise<SafetyCheck> {
  const { data, error, response } = await api.POST('/api/v1/safety-checks/{check_id}/outcome', {
    params: { path: { check_id: check.id }, header: { 'If-Match': weakEtag(check.version) } },
    body,
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export function useRecordOutcome(caseId: string, { onSuccess }: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ check, body }: { check: SafetyCheck; body: OutcomeCreate }) =>
      recordOutcome(check, body),
    onSuccess: async () => {
      // The outcome also goes on the timeline.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKeys.part(caseId, 'safety-checks') }),
        queryClient.invalidateQueries({ queryKey: caseKeys.part(caseId, 'records') }),
      ]);
      onSuccess?.();
    },
  });
}
