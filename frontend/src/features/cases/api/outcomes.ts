import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';
import { caseKeys } from './keys';

export type CaseOutcome = components['schemas']['CaseOutcomeRead'];
export type CaseOutcomeCreate = components['schemas']['CaseOutcomeCreate'];
export type CaseOutcomeKind = components['schemas']['CaseOutcomeKind'];
export const outcomeKinds: CaseOutcomeKind[] = [
  'employment_support',
  'employment',
  'income_increase',
  'participation',
];

export async function getOutcomes(caseId: string): Promise<CaseOutcome[]> {
  const { data, error, response } = await api.GET('/api/v1/cases/{case_id}/outcomes', {
    params: { path: { case_id: caseId } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const outcomesQueryOptions = (caseId: string) =>
  queryOptions({ queryKey: caseKeys.part(caseId, 'outcomes'), queryFn: () => getOutcomes(caseId) });

export function useOutcomes(caseId: string) {
  return useQuery(outcomesQueryOptions(caseId));
}

export function useRecordCaseOutcome(caseId: string, { onSuccess }: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CaseOutcomeCreate) => {
      const { data, error, response } = await api.POST('/api/v1/cases/{case_id}/outcomes', {
        params: { path: { case_id: caseId } },
        body,
      });
      if (!data) throw new ApiError(response.status, error);
      return data;
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseKeys.part(caseId, 'outcomes') });
      onSuccess?.();
    },
  });
}

export function useWithdrawOutcome(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ outcomeId, reason }: { outcomeId: string; reason: string }) => {
      const { data, error, response } = await api.POST(
        '/api/v1/cases/{case_id}/outcomes/{outcome_id}/withdraw',
        { params: { path: { case_id: caseId, outcome_id: outcomeId } }, body: { reason } },
      );
      if (!data) throw new ApiError(response.status, error);
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.part(caseId, 'outcomes') }),
  });
}
