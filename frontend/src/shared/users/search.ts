import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';

export type StaffMember = components['schemas']['UserRead'];
export type StaffRole = StaffMember['role'];

/** Staff whose name, kana (either script) or username matches; the server folds the scripts. */
export async function searchStaff(q: string, limit = 10): Promise<StaffMember[]> {
  const { data, error, response } = await api.GET('/api/v1/users', {
    params: { query: { q, limit, offset: 0 } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data.items;
}

export const staffSearchQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ['users', 'search', q],
    queryFn: () => searchStaff(q),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });

export function useStaffSearch(q: string, enabled: boolean) {
  return useQuery({ ...staffSearchQueryOptions(q), enabled: enabled && q.trim().length > 0 });
}

/** The desk's own staff (who can lead a case or own an action), not agency members. */
export const DESK_STAFF_ROLES: readonly StaffRole[] = ['csw', 'supervisor', 'sc', 'admin'];
