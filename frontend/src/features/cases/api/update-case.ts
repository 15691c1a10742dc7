import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';
import { withEtag, type CaseWithEtag } from './get-case';
import { caseKeys } from './keys';

export type CaseUpdate = components['schemas']['CaseUpdate'];

export async function updateCase(
  caseId: string,
  etag: string,
  body: CaseUpdate,
): Promise<CaseWithEtag> {
  const { data, error, response } = await api.PATCH('/api/v1/cases/{case_id}', {
    params: { path: { case_id: caseId }, header: { 'If-Match': etag } },
    body,
  });
  if (!data) throw new ApiError(response.status, error);
  return withEtag(data, response);
}

/** PATCH the case; its new version lands in the cache, and what derives from it is read again. */
export function useUpdateCase(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: CaseUpdate }) =>
      updateCase(caseId, etag, body),
    onSuccess: async (result) => {
      queryClient.setQueryData(caseKeys.detail(caseId), result);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKeys.part(caseId, 'recommendation') }),
        queryClient.invalidateQueries({ queryKey: caseKeys.part(caseId, 'history') }),
        queryClient.invalidateQueries({ queryKey: caseKeys.lists() }),
      ]);
    },
  });
}
