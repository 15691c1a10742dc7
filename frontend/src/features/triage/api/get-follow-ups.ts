import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { paths } from '@/shared/api/schema';

type Message =
  paths['/api/v1/consultations/{consultation_id}/messages']['get']['responses'][200]['content']['application/json'][number];

export async function getFollowUps(id: string): Promise<Message[]> {
  const { data, error, response } = await api.GET('/api/v1/consultations/{consultation_id}/messages', {
    params: { path: { consultation_id: id } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

// Same key as the consultations feature's messages query: one cache entry per consultation.
export const followUpsQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['consultations', 'messages', id], queryFn: () => getFollowUps(id) });

/** The follow-ups of one consultation (only anonymous reports have any). */
export function useFollowUps(id: string, enabled: boolean) {
  return useQuery({ ...followUpsQueryOptions(id), enabled });
}
