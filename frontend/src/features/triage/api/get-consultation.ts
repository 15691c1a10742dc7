import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { QueueItem } from './get-triage-queue';

// The consultations feature reads the same resource under the same key; the cache is shared.
export async function getConsultation(id: string): Promise<QueueItem> {
  const { data, error, response } = await api.GET('/api/v1/consultations/{consultation_id}', {
    params: { path: { consultation_id: id } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const consultationQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['consultations', 'detail', id], queryFn: () => getConsultation(id) });

export function useConsultation(id: string) {
  return useQuery(consultationQueryOptions(id));
}
