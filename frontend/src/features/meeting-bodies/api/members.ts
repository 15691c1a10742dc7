import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import { bodyKeys } from './keys';
import type { Agency, Member, MemberCreate, MemberRole } from './types';

function useMemberMutation<T extends { bodyId: string }, R>(fn: (input: T) => Promise<R>, onSuccess?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (_, input) => {
      // The body's version moves with its members: read it again (its ETag too).
      await queryClient.invalidateQueries({ queryKey: bodyKeys.all() });
      await queryClient.invalidateQueries({ queryKey: bodyKeys.detail(input.bodyId) });
      onSuccess?.();
    },
  });
}

type Add = { bodyId: string; member: MemberCreate };

export async function addMember({ bodyId, member }: Add): Promise<Member> {
  const { data, error, response } = await api.POST('/api/v1/meeting-bodies/{body_id}/members', {
    params: { path: { body_id: bodyId } },
    body: member,
    headers: { 'Idempotency-Key': newIdempotencyKey() },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export function useAddMember({ onSuccess }: { onSuccess?: () => void } = {}) {
  return useMemberMutation(addMember, onSuccess);
}

type ChangeRole = { bodyId: string; memberId: string; role: MemberRole };

export async function changeMemberRole({ bodyId, memberId, role }: ChangeRole): Promise<Member> {
  const { data, error, response } = await api.PATCH('/api/v1/meeting-bodies/{body_id}/members/{member_id}', {
    params: { path: { body_id: bodyId, member_id: memberId } },
    body: { role },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export function useChangeMemberRole() {
  return useMemberMutation(changeMemberRole);
}

type Remove = { bodyId: string; memberId: string };

export async function removeMember({ bodyId, memberId }: Remove): Promise<void> {
  const { error, response } = await api.DELETE('/api/v1/meeting-bodies/{body_id}/members/{member_id}', {
    params: { path: { body_id: bodyId, member_id: memberId } },
  });
  if (!response.ok) throw new ApiError(response.status, error);
}

export function useRemoveMember() {
  return useMemberMutation(removeMember);
}

/** An agency contact who does not sign in confirmed 守秘義務 in writing; the secretariat records it. */
export async function recordConfirmationFor({ bodyId, memberId }: Remove): Promise<Member> {
  const { data, error, response } = await api.POST(
    '/api/v1/meeting-bodies/{body_id}/members/{member_id}/confidentiality',
    { params: { path: { body_id: bodyId, member_id: memberId } } },
  );
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export function useRecordConfirmationFor() {
  return useMemberMutation(recordConfirmationFor);
}

/** The agency directory, to pick an agency contact's agency. */
export async function getAgencies(): Promise<Agency[]> {
  const { data, error, response } = await api.GET('/api/v1/agencies', {
    params: { query: { limit: 200, offset: 0 } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data.items;
}

export function useAgencies() {
  return useQuery({ queryKey: ['meetingBodies', 'agencies'], queryFn: getAgencies, staleTime: 10 * 60_000 });
}
