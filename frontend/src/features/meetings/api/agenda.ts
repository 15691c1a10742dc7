import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import { meetingKeys } from './keys';
import type { AgendaItem, CaseSummary, Material } from './types';

export async function getAgenda(meetingId: string): Promise<AgendaItem[]> {
  const { data, error, response } = await api.GET('/api/v1/meetings/{meeting_id}/agenda', {
    params: { path: { meeting_id: meetingId } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const agendaQueryOptions = (meetingId: string) =>
  queryOptions({ queryKey: meetingKeys.part(meetingId, 'agenda'), queryFn: () => getAgenda(meetingId) });

export function useAgenda(meetingId: string) {
  return useQuery(agendaQueryOptions(meetingId));
}

type AddItem = { meetingId: string; caseId: string; note: string | null };

/** Put a case on the agenda: meeting-api asks case-api, and refuses a body the law does not allow. */
export async function addAgendaItem({ meetingId, caseId, note }: AddItem): Promise<AgendaItem> {
  const { data, error, response } = await api.POST('/api/v1/meetings/{meeting_id}/agenda', {
    params: { path: { meeting_id: meetingId } },
    body: { case_id: caseId, note },
    headers: { 'Idempotency-Key': newIdempotencyKey() },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export function useAddAgendaItem({ onSuccess }: { onSuccess?: (item: AgendaItem) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addAgendaItem,
    onSuccess: async (item, input) => {
      await queryClient.invalidateQueries({ queryKey: meetingKeys.part(input.meetingId, 'agenda') });
      onSuccess?.(item);
    },
  });
}

type RemoveItem = { meetingId: string; itemId: string };

export async function removeAgendaItem({ meetingId, itemId }: RemoveItem): Promise<void> {
  const { error, response } = await api.DELETE('/api/v1/meetings/{meeting_id}/agenda/{item_id}', {
    params: { path: { meeting_id: meetingId, item_id: itemId } },
  });
  if (!response.ok) throw new ApiError(response.status, error);
}

export function useRemoveAgendaItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeAgendaItem,
    onSuccess: (_, input) =>
      queryClient.invalidateQueries({ queryKey: meetingKeys.part(input.meetingId, 'agenda') }),
  });
}

export async function getMaterial(meetingId: string, itemId: string): Promise<Material> {
  const { data, error, response } = await api.GET(
    '/api/v1/meetings/{meeting_id}/agenda/{item_id}/material',
    { params: { path: { meeting_id: meetingId, item_id: itemId } } },
  );
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const materialQueryOptions = (meetingId: string, itemId: string) =>
  queryOptions({
    queryKey: meetingKeys.part(meetingId, 'material', itemId),
    queryFn: () => getMaterial(meetingId, itemId),
    // A snapshot: it never changes.
    staleTime: Infinity,
  });

export function useMaterial(meetingId: string, itemId: string, enabled: boolean) {
  return useQuery({ ...materialQueryOptions(meetingId, itemId), enabled });
}

/** Cases whose title contains `q`, as case-api lets the caller see them (to pick one for the agenda). */
export async function searchCases(q: string): Promise<CaseSummary[]> {
  const { data, error, response } = await api.GET('/api/v1/cases', {
    params: { query: { q, limit: 20, offset: 0 } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data.items;
}

export const caseSearchQueryOptions = (q: string) =>
  queryOptions({ queryKey: meetingKeys.caseSearch(q), queryFn: () => searchCases(q) });

export function useCaseSearch(q: string) {
  return useQuery({ ...caseSearchQueryOptions(q), enabled: q.trim().length > 0 });
}
