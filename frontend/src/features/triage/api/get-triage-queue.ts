import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { paths } from '@/shared/api/schema';

export type QueuePage =
  paths['/api/v1/consultations']['get']['responses'][200]['content']['application/json'];
export type QueueItem = QueuePage['items'][number];

export type QueueFilter = { area?: string };

/** The open consultations (未対応): urgent first, then oldest first (the server's order). */
export async function getTriageQueue({ area }: QueueFilter): Promise<QueuePage> {
  const { data, error, response } = await api.GET('/api/v1/consultations', {
    params: { query: { status: 'open', limit: 200, offset: 0, ...(area ? { area } : {}) } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const triageQueueQueryOptions = (filter: QueueFilter) =>
  queryOptions({
    queryKey: ['consultations', 'queue', filter],
    queryFn: () => getTriageQueue(filter),
    // New reports keep arriving while the desk works the queue.
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
  });

export function useTriageQueue(filter: QueueFilter) {
  return useQuery(triageQueueQueryOptions(filter));
}
