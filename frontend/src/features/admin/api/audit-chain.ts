import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';

export type ChainReport = components['schemas']['ChainReport'];
export type Anchor = components['schemas']['AnchorRead'];

export async function verifyChain(): Promise<ChainReport> {
  const { data, error, response } = await api.GET('/api/v1/audit-events/verify');
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export async function getAnchors(): Promise<Anchor[]> {
  const { data, error, response } = await api.GET('/api/v1/audit-events/anchors');
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export function useVerifyChain() {
  return useMutation({ mutationFn: verifyChain });
}

export function useAnchors() {
  return useQuery({ queryKey: ['admin', 'anchors'], queryFn: getAnchors });
}

export function useMakeAnchor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (): Promise<Anchor> => {
      const { data, error, response } = await api.POST('/api/v1/audit-events/anchors');
      if (!data) throw new ApiError(response.status, error);
      return data;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['admin', 'anchors'] }),
  });
}
