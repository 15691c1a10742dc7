import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import { caseKeys } from './keys';
import type { ActionStatus, Plan, PlanWrite } from './types';

/** The first write makes version 1 (no If-Match); each later one a new version (再プラン). */
export async function writePlan(caseId: string, etag: string | null, body: PlanWrite): Promise<Plan> {
  const { data, error, response } = await api.PUT('/api/v1/cases/{case_id}/plan', {
    params: { path: { case_id: caseId }, header: etag ? { 'if-match': etag } : {} },
    body,
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export async function setActionStatus(
  caseId: string,
  etag: string,
  actionId: string,
  status: ActionStatus,
): Promise<Plan> {
  const { data, error, response } = await api.PATCH(
    '/api/v1/cases/{case_id}/plan/actions/{action_id}',
    {
      params: { path: { case_id: caseId, action_id: actionId }, header: { 'if-match': etag } },
      body: { status },
    },
  );
  if (!data) throw new ApiError(response.status, error);
  return data;
}

function useSavePlan(caseId: string) {
  const queryClient = useQueryClient();
  return async (plan: Plan) => {
    queryClient.setQueryData(caseKeys.part(caseId, 'plan', 'current'), plan);
    await queryClient.invalidateQueries({ queryKey: caseKeys.part(caseId, 'plan', 'versions') });
  };
}

export function useWritePlan(caseId: string, { onSuccess }: { onSuccess?: () => void } = {}) {
  const save = useSavePlan(caseId);
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string | null; body: PlanWrite }) =>
      writePlan(caseId, etag, body),
    onSuccess: async (plan) => {
      await save(plan);
      onSuccess?.();
    },
  });
}

export function useSetActionStatus(caseId: string) {
  const save = useSavePlan(caseId);
  return useMutation({
    mutationFn: ({ etag, actionId, status }: { etag: string; actionId: string; status: ActionStatus }) =>
      setActionStatus(caseId, etag, actionId, status),
    onSuccess: save,
  });
}
