import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { paths } from '@/shared/api/schema';

export type CurrentUser =
  paths['/api/v1/auth/me']['get']['responses'][200]['content']['application/json'];
export type Role = CurrentUser['role'];

export async function getCurrentUser(): Promise<CurrentUser> {
  const { data, error, response } = await api.GET('/api/v1/auth/me');
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const currentUserQueryOptions = () =>
  queryOptions({ queryKey: ['auth', 'me'], queryFn: getCurrentUser, staleTime: 5 * 60_000 });

export function useCurrentUser() {
  return useQuery(currentUserQueryOptions());
}
