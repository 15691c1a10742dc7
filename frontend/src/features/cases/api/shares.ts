import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';
import { caseKeys } from './keys';
import type { Share } from './types';

export type ShareCreate = components['schemas']['ShareCreate'];

export async function getShares(caseId: string): Promise<Share[]> {
  const { data, error, response } = await api.GET('/api/v1/cases/{case_id}/shares', {
    params: { path: { case_id: caseId } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data.items;
}

export const sharesQueryOptions = (caseId: string) =>
  queryOptions({ queryKey: caseKeys.part(caseId, 'shares'), queryFn: () => getShares(caseId) });

export function useShares(caseId: string) {
  return useQuery(sharesQueryOptions(caseId));
}

export async function grantShare(caseId: string, body: ShareCreate): Promise<Share> {
  const { data, error, response } = await api.POST('/api/v1/cases/{case_id}/shares', {
    params: { path: { case_id: caseId } },
    body,
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export async function revokeShare(caseId: string, shareId: string, reason: string | null): Promise<Share> {
  const { data, error, response } = await api.POST(
    '/api/v1/cases/{case_id}/shares/{share_id}/revoke',
    { params: { path: { case_id: caseId, share_id: shareId } }, body: { reason } },
  );
  if (!data) throw new ApiError(response.status, error);
  return data;
}

function useRefresh(caseId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: caseKeys.part(caseId, 'shares') }),
      queryClient.invalidateQueries({ queryKey: caseKeys.part(caseId, 'history') }),
    ]);
}

export function useGrantShare(caseId: string, { onSuccess }: { onSuccess?: () => void } = {}) {
  const refresh = useRefresh(caseId);
  return useMutation({
    mutationFn: (body: ShareCreate) => grantShare(caseId, body),
    onSuccess: async () => {
      await refresh();
      onSuccess?.();
    },
  });
}

export function useRevokeShare(caseId: string) {
  const refresh = useRefresh(caseId);
  return useMutation({
    mutationFn: ({ shareId, reason }: { shareId: string; reason: string | null }) =>
      revokeShare(caseId, shareId, reason),
    onSuccess: refresh,
  });
}
