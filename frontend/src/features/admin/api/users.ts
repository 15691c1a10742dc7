import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';

export type User = components['schemas']['UserRead'];
export type UserCreate = components['schemas']['UserCreate'];
export type UserUpdate = components['schemas']['UserUpdate'];
export type UserRole = User['role'];
export type AgencyChoice = Pick<components['schemas']['AgencyRead'], 'id' | 'name'>;

export const userRoles: readonly UserRole[] = ['admin', 'supervisor', 'csw', 'sc', 'agency'];

export type UserFilter = { q: string; role: UserRole | ''; includeInactive: boolean; offset: number };
export const USERS_PAGE = 50;

const userKeys = {
  all: ['users'] as const,
  list: (filter: UserFilter) => ['users', 'admin-list', filter] as const,
};

export async function getUsers(filter: UserFilter) {
  const { data, error, response } = await api.GET('/api/v1/users', {
    params: {
      query: {
        q: filter.q.trim() || undefined,
        role: filter.role || undefined,
        include_inactive: filter.includeInactive,
        limit: USERS_PAGE,
        offset: filter.offset,
      },
    },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const usersQueryOptions = (filter: UserFilter) =>
  queryOptions({ queryKey: userKeys.list(filter), queryFn: () => getUsers(filter), placeholderData: keepPreviousData });

export function useUsers(filter: UserFilter) {
  return useQuery(usersQueryOptions(filter));
}

/** The member with the ETag to send back when changing them. */
export async function getUser(userId: string): Promise<{ user: User; etag: string }> {
  const { data, error, response } = await api.GET('/api/v1/users/{user_id}', {
    params: { path: { user_id: userId } },
  });
  if (!data) throw new ApiError(response.status, error);
  return { user: data, etag: response.headers.get('ETag') ?? `"${data.version}"` };
}

export async function createUser(body: UserCreate): Promise<User> {
  const { data, error, response } = await api.POST('/api/v1/users', { body });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export async function updateUser(userId: string, etag: string, body: UserUpdate): Promise<User> {
  const { data, error, response } = await api.PATCH('/api/v1/users/{user_id}', {
    params: { path: { user_id: userId }, header: { 'If-Match': etag } },
    body,
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export async function resetPassword(userId: string, password: string): Promise<void> {
  const { error, response } = await api.POST('/api/v1/users/{user_id}/password', {
    params: { path: { user_id: userId } },
    body: { password },
  });
  if (!response.ok) throw new ApiError(response.status, error);
}

/** Every users query (lists, searches, names) is read again: a name or state may have changed. */
function useRefreshUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: userKeys.all });
}

export function useCreateUser() {
  const refresh = useRefreshUsers();
  return useMutation({ mutationFn: createUser, onSuccess: refresh });
}

export function useUpdateUser() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: ({ user, etag, body }: { user: User; etag?: string; body: UserUpdate }) =>
      updateUser(user.id, etag ?? `"${user.version}"`, body),
    onSuccess: refresh,
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ userId, password }: { userId: string; password: string }) => resetPassword(userId, password),
  });
}

/** The agencies an agency member can belong to. */
export async function getAgencyChoices(): Promise<AgencyChoice[]> {
  const { data, error, response } = await api.GET('/api/v1/agencies', {
    params: { query: { limit: 200, offset: 0 } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data.items.map((a) => ({ id: a.id, name: a.name }));
}

export function useAgencyChoices() {
  return useQuery({ queryKey: ['admin', 'agencies'], queryFn: getAgencyChoices, staleTime: 10 * 60_000 });
}
