import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { DueAction } from './types';

export type DueActionsFilter = { owner: string; dueBefore: string };

/** Open plan actions the user owns, due before a date, earliest first. */
export async function getDueActions({ owner, dueBefore }: DueActionsFilter): Promise<DueAction[]> {
  const { data, error, response } = await api.GET('/api/v1/plan-actions', {
    params: { query: { owner, due_before: dueBefore, status: 'open', limit: 100 } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data.items;
}

export const dueActionsQueryOptions = (filter: DueActionsFilter) =>
  queryOptions({ queryKey: ['home', 'plan-actions', filter], queryFn: () => getDueActions(filter) });

export function useDueActions(filter: DueActionsFilter, enabled = true) {
  return useQuery({ ...dueActionsQueryOptions(filter), enabled });
}
