import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';
import { caseKeys } from './keys';
import type { Recommendation } from './types';

export type OverrideCreate = components['schemas']['OverrideCreate'];

export async function getRecommendation(caseId: string): Promise<Recommendation> {
  const { data, error, response } = await api.GET('/api/v1/cases/{case_id}/recommendation', {
    params: { path: { case_id: caseId } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const recommendationQueryOptions = (caseId: string) =>
  queryOptions({
    queryKey: caseKeys.part(caseId, 'recommendation'),
    queryFn: () => getRecommendation(caseId),
  });

export function useRecommendation(caseId: string) {
  return useQuery(recommendationQueryOptions(caseId));
}

export async function overrideRecommendation(
  caseId: string,
  etag: string,
  body: OverrideCreate,
): Promise<Recommendation> {
  const { data, error, response } = await api.POST(
    '/api/v1/cases/{case_id}/recommendation/override',
    { params: { path: { case_id: caseId }, header: { 'If-Match': etag } }, body },
  );
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export function useOverrideRecommendation(
  caseId: string,
  { onSuccess }: { onSuccess?: () => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: OverrideCreate }) =>
      overrideRecommendation(caseId, etag, body),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKeys.all(caseId) }),
        queryClient.invalidateQueries({ queryKey: caseKeys.lists() }),
      ]);
      onSuccess?.();
    },
  });
}
