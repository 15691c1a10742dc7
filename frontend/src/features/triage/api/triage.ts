import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';

export type TriageCreate = components['schemas']['TriageCreate'];
export type TriageDecision = components['schemas']['TriageRead'];
export type TriageOutcome = components['schemas']['TriageOutcome'];
export type NewMember = components['schemas']['NewMember'];
export type Relationship = components['schemas']['Relationship'];
export type ReferralOutcome = components['schemas']['ReferralOutcome'];

export async function getTriage(id: string): Promise<TriageDecision> {
  const { data, error, response } = await api.GET('/api/v1/consultations/{consultation_id}/triage', {
    params: { path: { consultation_id: id } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

/** Until case-api has opened a requested case, ask again every 2 s. */
export const triageQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['triage', 'decision', id],
    queryFn: () => getTriage(id),
    refetchInterval: (query) => {
      const decision = query.state.data;
      return decision?.new_case_requested && !decision.case_id ? 2000 : false;
    },
  });

export function useTriage(id: string, enabled = true) {
  return useQuery({ ...triageQueryOptions(id), enabled });
}

export async function postTriage({
  id,
  body,
  key,
}: {
  id: string;
  body: TriageCreate;
  key: string;
}): Promise<TriageDecision> {
  const { data, error, response } = await api.POST(
    '/api/v1/consultations/{consultation_id}/triage',
    { params: { path: { consultation_id: id } }, body, headers: { 'Idempotency-Key': key } },
  );
  if (!data) throw new ApiError(response.status, error);
  return data;
}

/** Triage a consultation; one Idempotency-Key per form so that a double submit is one decision. */
export function useTriageConsultation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: { body: TriageCreate; key: string }) => postTriage({ id, ...args }),
    onSuccess: async (decision) => {
      queryClient.setQueryData(triageQueryOptions(id).queryKey, decision);
      await queryClient.invalidateQueries({ queryKey: ['consultations'] });
    },
  });
}

export { newIdempotencyKey };

export async function postReferralOutcome({
  id,
  outcome,
  note,
}: {
  id: string;
  outcome: ReferralOutcome;
  note: string | null;
}): Promise<TriageDecision> {
  const { data, error, response } = await api.POST(
    '/api/v1/consultations/{consultation_id}/triage/referral-outcome',
    { params: { path: { consultation_id: id } }, body: { outcome, note } },
  );
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export function useRecordReferralOutcome(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: { outcome: ReferralOutcome; note: string | null }) =>
      postReferralOutcome({ id, ...args }),
    onSuccess: (decision) => queryClient.setQueryData(triageQueryOptions(id).queryKey, decision),
  });
}
