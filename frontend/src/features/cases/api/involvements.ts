import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';
import { caseKeys, weakEtag } from './keys';
import type { Involvement } from './types';

export type InvolvementCreate = components['schemas']['InvolvementCreate'];

export async function getInvolvements(caseId: string): Promise<Involvement[]> {
  const { data, error, response } = await api.GET('/api/v1/cases/{case_id}/agencies', {
    params: { path: { case_id: caseId } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const involvementsQueryOptions = (caseId: string) =>
  queryOptions({
    queryKey: caseKeys.part(caseId, 'agencies'),
    queryFn: () => getInvolvements(caseId),
  });

export function useInvolvements(caseId: string) {
  return useQuery(involvementsQueryOptions(caseId));
}

export async function addInvolvement(caseId: string, body: InvolvementCreate): Promise<Involvement> {
  const { data, error, response } = await api.POST('/api/v1/cases/{case_id}/agencies', {
    params: { path: { case_id: caseId } },
    body,
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

/** Ending a role sets `until`: an involvement is never deleted. */
export async function endInvolvement(
  caseId: string,
  involvement: Involvement,
  until: string,
): Promise<Involvement> {
  const { data, error, response } = await api.PATCH(
    '/api/v1/cases/{case_id}/agencies/{involvement_id}',
    {
      params: {
        path: { case_id: caseId, involvement_id: involvement.id },
        header: { 'If-Match': weakEtag(involvement.version) },
      },
      body: { until },
    },
  );
  if (!data) throw new ApiError(response.status, error);
  return data;
}

function useRefresh(caseId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: caseKeys.part(caseId, 'agencies') });
}

export function useAddInvolvement(caseId: string, { onSuccess }: { onSuccess?: () => void } = {}) {
  const refresh = useRefresh(caseId);
  return useMutation({
    mutationFn: (body: InvolvementCreate) => addInvolvement(caseId, body),
    onSuccess: async () => {
      await refresh();
      onSuccess?.();
    },
  });
}

export function useEndInvolvement(caseId: string) {
  const refresh = useRefresh(caseId);
  return useMutation({
    mutationFn: ({ involvement, until }: { involvement: Involvement; until: string }) =>
      endInvolvement(caseId, involvement, until),
    onSuccess: refresh,
  });
}
