import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';
import { caseKeys } from './keys';
import type { SupportRecord } from './types';

export type RecordCreate = components['schemas']['RecordCreate'];
export type RecordUpdate = components['schemas']['RecordUpdate'];
export type AmendmentCreate = components['schemas']['AmendmentCreate'];

export async function createRecord(caseId: string, body: RecordCreate): Promise<SupportRecord> {
  const { data, error, response } = await api.POST('/api/v1/cases/{case_id}/records', {
    params: { path: { case_id: caseId } },
    body,
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

/** In place, by its author within 24 hours; the record's ETag is "<version>". */
export async function editRecord(
  caseId: string,
  record: SupportRecord,
  body: RecordUpdate,
): Promise<SupportRecord> {
  const { data, error, response } = await api.PATCH('/api/v1/cases/{case_id}/records/{record_id}', {
    params: {
      path: { case_id: caseId, record_id: record.id },
      header: { 'if-match': `"${record.version}"` },
    },
    body,
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export async function amendRecord(
  caseId: string,
  recordId: string,
  body: AmendmentCreate,
): Promise<SupportRecord> {
  const { data, error, response } = await api.POST(
    '/api/v1/cases/{case_id}/records/{record_id}/amendments',
    { params: { path: { case_id: caseId, record_id: recordId } }, body },
  );
  if (!data) throw new ApiError(response.status, error);
  return data;
}

function useRefreshTimeline(caseId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: caseKeys.part(caseId, 'records') });
}

export function useCreateRecord(caseId: string, { onSuccess }: { onSuccess?: () => void } = {}) {
  const refresh = useRefreshTimeline(caseId);
  return useMutation({
    mutationFn: (body: RecordCreate) => createRecord(caseId, body),
    onSuccess: async () => {
      await refresh();
      onSuccess?.();
    },
  });
}

export function useEditRecord(caseId: string, { onSuccess }: { onSuccess?: () => void } = {}) {
  const refresh = useRefreshTimeline(caseId);
  return useMutation({
    mutationFn: ({ record, body }: { record: SupportRecord; body: RecordUpdate }) =>
      editRecord(caseId, record, body),
    onSuccess: async () => {
      await refresh();
      onSuccess?.();
    },
  });
}

export function useAmendRecord(caseId: string, { onSuccess }: { onSuccess?: () => void } = {}) {
  const refresh = useRefreshTimeline(caseId);
  return useMutation({
    mutationFn: ({ recordId, body }: { recordId: string; body: AmendmentCreate }) =>
      amendRecord(caseId, recordId, body),
    onSuccess: async () => {
      await refresh();
      onSuccess?.();
    },
  });
}
