import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';

/** Staff have read the reporter's follow-ups up to `seenUpTo` (a later one stays marked). */
export async function acknowledgeFollowUp(id: string, seenUpTo: string): Promise<void> {
  const { error, response } = await api.POST('/api/v1/consultations/{consultation_id}/follow-up-acknowledgement', {
    params: { path: { consultation_id: id } },
    body: { seen_up_to: seenUpTo },
  });
  if (!response.ok) throw new ApiError(response.status, error);
}

export function useAcknowledgeFollowUp(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (seenUpTo: string) => acknowledgeFollowUp(id, seenUpTo),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['consultations'] }),
  });
}
