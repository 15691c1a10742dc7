import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';
import type { Meeting, Series } from './types';

/** A series with the ETag to send back as If-Match when moving it. */
export type SeriesWithEtag = { series: Series; etag: string };

export type SeriesMove = components['schemas']['SeriesMove'];

export const seriesKeys = {
  detail: (seriesId: string) => ['meetingSeries', seriesId] as const,
};

function withEtag(series: Series, response: Response): SeriesWithEtag {
  return { series, etag: response.headers.get('ETag') ?? `"${series.version}"` };
}

export async function getSeries(seriesId: string): Promise<SeriesWithEtag> {
  const { data, error, response } = await api.GET('/api/v1/meetings/series/{series_id}', {
    params: { path: { series_id: seriesId } },
  });
  if (!data) throw new ApiError(response.status, error);
  return withEtag(data, response);
}

export const seriesQueryOptions = (seriesId: string) =>
  queryOptions({ queryKey: seriesKeys.detail(seriesId), queryFn: () => getSeries(seriesId) });

export function useSeries(seriesId: string, enabled = true) {
  return useQuery({ ...seriesQueryOptions(seriesId), enabled });
}

type Move = { seriesId: string; etag: string; body: SeriesMove };

/** Move every occurrence still to come from a day on; 409 on a clash (nothing moved), 412 when stale. */
export async function moveSeries({ seriesId, etag, body }: Move): Promise<SeriesWithEtag> {
  const { data, error, response } = await api.POST('/api/v1/meetings/series/{series_id}/move', {
    params: { path: { series_id: seriesId }, header: { 'If-Match': etag } },
    body,
  });
  if (!data) throw new ApiError(response.status, error);
  return withEtag(data, response);
}

type Cancel = { seriesId: string; reason: string; fromDate: string };

/** Cancel every occurrence still to come from a day on; answers those cancelled now. */
export async function cancelSeries({ seriesId, reason, fromDate }: Cancel): Promise<Meeting[]> {
  const { data, error, response } = await api.POST('/api/v1/meetings/series/{series_id}/cancel', {
    params: { path: { series_id: seriesId } },
    body: { reason, from_date: fromDate },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

/** Every screen that shows an occurrence: the calendar, each meeting and its history, the series. */
async function refreshAll(queryClient: ReturnType<typeof useQueryClient>, seriesId: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['meetings'] }),
    queryClient.invalidateQueries({ queryKey: ['meeting'] }),
    queryClient.invalidateQueries({ queryKey: seriesKeys.detail(seriesId) }),
  ]);
}

export function useMoveSeries({ onSuccess }: { onSuccess?: (saved: SeriesWithEtag) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moveSeries,
    onSuccess: async (saved, input) => {
      queryClient.setQueryData(seriesKeys.detail(input.seriesId), saved);
      await refreshAll(queryClient, input.seriesId);
      onSuccess?.(saved);
    },
  });
}

export function useCancelSeries({ onSuccess }: { onSuccess?: (cancelled: Meeting[]) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelSeries,
    onSuccess: async (cancelled, input) => {
      await refreshAll(queryClient, input.seriesId);
      onSuccess?.(cancelled);
    },
  });
}
