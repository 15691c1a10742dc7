import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { Household } from './types';

export async function getHousehold(householdId: string): Promise<Household> {
  const { data, error, response } = await api.GET('/api/v1/households/{household_id}', {
    params: { path: { household_id: householdId } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const householdQueryOptions = (householdId: string) =>
  queryOptions({ queryKey: ['household', householdId], queryFn: () => getHousehold(householdId) });

export function useHousehold(householdId: string | null) {
  return useQuery({ ...householdQueryOptions(householdId ?? ''), enabled: householdId !== null });
}
