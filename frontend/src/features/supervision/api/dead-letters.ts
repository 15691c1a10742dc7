import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';
import { attentionQueryOptions } from './get-attention';

export type DeadLetter = components['schemas']['DeadLetter'];

type Target = { service: string; id: number };

/** Send a refused delivery again (after its cause was fixed). */
export async function retryDeadLetter({ service, id }: Target): Promise<DeadLetter> {
  const { data, error, response } = await api.POST('/api/v1/dead-letters/{sender}/{message_id}/retry', {
    params: { path: { sender: service, message_id: id } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

/** Close a refused delivery with the reason; it is not sent. */
export async function resolveDeadLetter({ service, id, reason }: Target & { reason: string }): Promise<DeadLetter> {
  const { data, error, response } = await api.POST('/api/v1/dead-letters/{sender}/{message_id}/resolve', {
    params: { path: { sender: service, message_id: id } },
    body: { reason },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

function useRefreshingAttention<A, R>(fn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: attentionQueryOptions().queryKey }),
  });
}

export const useRetryDeadLetter = () => useRefreshingAttention(retryDeadLetter);
export const useResolveDeadLetter = () => useRefreshingAttention(resolveDeadLetter);
