import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import { bodyKeys } from './keys';
import type { Area, Body, BodyCreate, BodyDetail, BodyUpdate } from './types';

export async function getBodies(includeInactive: boolean): Promise<Body[]> {
  const { data, error, response } = await api.GET('/api/v1/meeting-bodies', {
    params: { query: { include_inactive: includeInactive } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data.items;
}

export const bodiesQueryOptions = (includeInactive: boolean) =>
  queryOptions({ queryKey: bodyKeys.list(includeInactive), queryFn: () => getBodies(includeInactive) });

export function useBodies(includeInactive = false) {
  return useQuery(bodiesQueryOptions(includeInactive));
}

/** A body with the ETag to send back as If-Match. */
export type BodyWithEtag = { body: BodyDetail; etag: string };

function withEtag(body: BodyDetail, response: Response): BodyWithEtag {
  return { body, etag: response.headers.get('ETag') ?? `"${body.version}"` };
}

export async function getBody(bodyId: string): Promise<BodyWithEtag> {
  const { data, error, response } = await api.GET('/api/v1/meeting-bodies/{body_id}', {
    params: { path: { body_id: bodyId } },
  });
  if (!data) throw new ApiError(response.status, error);
  return withEtag(data, response);
}

export const bodyQueryOptions = (bodyId: string) =>
  queryOptions({ queryKey: bodyKeys.detail(bodyId), queryFn: () => getBody(bodyId) });

export function useBody(bodyId: string) {
  return useQuery(bodyQueryOptions(bodyId));
}

export async function createBody(body: BodyCreate): Promise<BodyWithEtag> {
  const { data, error, response } = await api.POST('/api/v1/meeting-bodies', {
    body,
    headers: { 'Idempotency-Key': newIdempotencyKey() },
  });
  if (!data) throw new ApiError(response.status, error);
  return withEtag(data, response);
}

export function useCreateBody({ onSuccess }: { onSuccess?: (created: BodyDetail) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBody,
    onSuccess: async (created) => {
      queryClient.setQueryData(bodyKeys.detail(created.body.id), created);
      await queryClient.invalidateQueries({ queryKey: bodyKeys.all() });
      onSuccess?.(created.body);
    },
  });
}

type Update = { bodyId: string; etag: string; body: BodyUpdate };

export async function updateBody({ bodyId, etag, body }: Update): Promise<BodyWithEtag> {
  const { data, error, response } = await api.PATCH('/api/v1/meeting-bodies/{body_id}', {
    params: { path: { body_id: bodyId }, header: { 'If-Match': etag } },
    body,
  });
  if (!data) throw new ApiError(response.status, error);
  return withEtag(data, response);
}

export function useUpdateBody({ onSuccess }: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateBody,
    onSuccess: async (saved) => {
      queryClient.setQueryData(bodyKeys.detail(saved.body.id), saved);
      await queryClient.invalidateQueries({ queryKey: ['meetingBodies', 'list'] });
      onSuccess?.();
    },
  });
}

type Deactivate = { bodyId: string; etag: string };

export async function deactivateBody({ bodyId, etag }: Deactivate): Promise<void> {
  const { error, response } = await api.DELETE('/api/v1/meeting-bodies/{body_id}', {
    params: { path: { body_id: bodyId }, header: { 'If-Match': etag } },
  });
  if (!response.ok) throw new ApiError(response.status, error);
}

export function useDeactivateBody({ onSuccess }: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deactivateBody,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: bodyKeys.all() });
      onSuccess?.();
    },
  });
}

export async function getAreas(): Promise<Area[]> {
  const { data, error, response } = await api.GET('/api/v1/areas');
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export function useAreas() {
  return useQuery({ queryKey: ['meetingBodies', 'areas'], queryFn: getAreas, staleTime: 60 * 60_000 });
}
