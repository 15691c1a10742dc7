import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';
import { caseKeys } from './keys';
import type { ConsentHistory } from './types';

export type ConsentCreate = components['schemas']['ConsentCreate'];
export type ConsentRead = components['schemas']['ConsentRead'];

export async function getConsents(caseId: string): Promise<ConsentHistory> {
  const { data, error, response } = await api.GET('/api/v1/cases/{case_id}/consents', {
    params: { path: { case_id: caseId }, query: { limit: 100, offset: 0 } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const consentsQueryOptions = (caseId: string) =>
  queryOptions({ queryKey: caseKeys.part(caseId, 'consents'), queryFn: () => getConsents(caseId) });

export function useConsents(caseId: string) {
  return useQuery(consentsQueryOptions(caseId));
}

/** A consent entry moves the case's version on, so the case's ETag is checked here too. */
export async function recordConsent(
  caseId: string,
  etag: string,
  body: ConsentCreate,
): Promise<ConsentRead> {
  const { data, error, response } = await api.POST('/api/v1/cases/{case_id}/consents', {
    params: { path: { case_id: caseId }, header: { 'If-Match': etag } },
    body,
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export function useRecordConsent(caseId: string, { onSuccess }: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: ConsentCreate }) =>
      recordConsent(caseId, etag, body),
    onSuccess: async () => {
      // Consent changes the case (its version, consent status) and so its recommendation.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKeys.all(caseId) }),
        queryClient.invalidateQueries({ queryKey: caseKeys.lists() }),
      ]);
      onSuccess?.();
    },
  });
}
