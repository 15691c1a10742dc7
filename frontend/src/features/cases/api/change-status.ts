import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';
import { withEtag, type CaseWithEtag } from './get-case';
import { caseKeys } from './keys';

export type StatusChange = components['schemas']['StatusChange'];

export async function changeStatus(
  caseId: string,
  etag: string,
  body: StatusChange,
): Promise<CaseWithEtag> {
  const { data, error, response } = await api.POST('/api/v1/cases/{case_id}/status', {
    params: { path: { case_id: caseId }, header: { 'If-Match': etag } },
    body,
  });
  if (!data) throw new ApiError(response.status, error);
  return withEtag(data, response);
}

export function useChangeStatus(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: StatusChange }) =>
      changeStatus(caseId, etag, body),
    onSuccess: async (result) => {
      queryClient.setQueryData(caseKeys.detail(caseId), result);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKeys.part(caseId, 'history') }),
        queryClient.invalidateQueries({ queryKey: caseKeys.lists() }),
      ]);
    },
  });
}
