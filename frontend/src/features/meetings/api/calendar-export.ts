import { useMutation } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { FeedToken } from './types';

/**
 * The meeting's .ics, fetched with the bearer token and handed to the browser as a Blob:
 * the token never goes into a URL.
 */
export async function downloadMeetingIcs(meetingId: string): Promise<void> {
  const { data, error, response } = await api.GET('/api/v1/meetings/{meeting_id}.ics', {
    params: { path: { meeting_id: meetingId } },
    parseAs: 'blob',
  });
  if (!data) throw new ApiError(response.status, error);
  const blob = new Blob([data], { type: 'text/calendar;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = `meeting-${meetingId}.ics`;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoked on the next tick: the click has started the download by then.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

export function useDownloadIcs() {
  return useMutation({ mutationFn: downloadMeetingIcs });
}

/** Create or rotate the caller's personal feed URL (the old one stops working). */
export async function issueFeedToken(): Promise<FeedToken> {
  const { data, error, response } = await api.POST('/api/v1/calendar/feed-token', {});
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export function useIssueFeedToken() {
  return useMutation({ mutationFn: issueFeedToken });
}

export async function revokeFeedToken(): Promise<void> {
  const { error, response } = await api.DELETE('/api/v1/calendar/feed-token', {});
  if (!response.ok) throw new ApiError(response.status, error);
}

export function useRevokeFeedToken() {
  return useMutation({ mutationFn: revokeFeedToken });
}
