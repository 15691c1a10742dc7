import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';

export type LoginSessionList = components['schemas']['LoginSessionList'];
export type LoginSession = components['schemas']['LoginSessionRead'];

export async function getSessions(username: string, includeEnded: boolean): Promise<LoginSessionList> {
  const { data, error, response } = await api.GET('/api/v1/auth/sessions', {
    params: { query: { username, include_ended: includeEnded } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const sessionsQueryOptions = (username: string, includeEnded: boolean) =>
  queryOptions({
    queryKey: ['admin', 'sessions', username, includeEnded],
    queryFn: () => getSessions(username, includeEnded),
    enabled: username.length > 0,
  });

export function useSessions(username: string, includeEnded: boolean) {
  return useQuery(sessionsQueryOptions(username, includeEnded));
}

export async function endSession(sessionId: string): Promise<LoginSession> {
  const { data, error, response } = await api.POST('/api/v1/auth/sessions/{session_id}/revoke', {
    params: { path: { session_id: sessionId } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endSession,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['admin', 'sessions'] }),
  });
}
