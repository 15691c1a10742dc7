import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { Activity, ActivityCreate } from './types';

export async function logActivity(body: ActivityCreate): Promise<Activity> {
  const { data, error, response } = await api.POST('/api/v1/activities', { body });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export function useLogActivity({ onSuccess }: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logActivity,
    onSuccess: async () => {
      // The workload split counts the new minutes too.
      await queryClient.invalidateQueries({ queryKey: ['activities'] });
      onSuccess?.();
    },
  });
}
