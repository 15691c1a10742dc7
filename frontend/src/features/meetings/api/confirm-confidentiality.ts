import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { BodyMember } from './types';

/** Record the caller's 守秘義務 confirmation for a 支援会議 body (once). */
export async function confirmConfidentiality(bodyId: string): Promise<BodyMember> {
  const { data, error, response } = await api.POST('/api/v1/meeting-bodies/{body_id}/confidentiality', {
    params: { path: { body_id: bodyId } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export function useConfirmConfidentiality({ onSuccess }: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmConfidentiality,
    onSuccess: async () => {
      // Everything the 403 held back may now be read: meetings, bodies (my_membership), lists.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['meeting'] }),
        queryClient.invalidateQueries({ queryKey: ['meetings'] }),
        queryClient.invalidateQueries({ queryKey: ['meetingBodies'] }),
      ]);
      onSuccess?.();
    },
  });
}
