import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import { meetingKeys } from './keys';
import type { Meeting, MeetingEvent } from './types';

/** A meeting with the ETag to send back as If-Match. */
export type MeetingWithEtag = { meeting: Meeting; etag: string };

export function meetingWithEtag(meeting: Meeting, response: Response): MeetingWithEtag {
  return { meeting, etag: response.headers.get('ETag') ?? `"${meeting.sequence}"` };
}

export async function getMeeting(meetingId: string): Promise<MeetingWithEtag> {
  const { data, error, response } = await api.GET('/api/v1/meetings/{meeting_id}', {
    params: { path: { meeting_id: meetingId } },
  });
  if (!data) throw new ApiError(response.status, error);
  return meetingWithEtag(data, response);
}

export const meetingQueryOptions = (meetingId: string) =>
  queryOptions({ queryKey: meetingKeys.detail(meetingId), queryFn: () => getMeeting(meetingId) });

export function useMeeting(meetingId: string) {
  return useQuery(meetingQueryOptions(meetingId));
}

export async function getMeetingHistory(meetingId: string): Promise<MeetingEvent[]> {
  const { data, error, response } = await api.GET('/api/v1/meetings/{meeting_id}/history', {
    params: { path: { meeting_id: meetingId } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const meetingHistoryQueryOptions = (meetingId: string) =>
  queryOptions({
    queryKey: meetingKeys.part(meetingId, 'history'),
    queryFn: () => getMeetingHistory(meetingId),
  });

export function useMeetingHistory(meetingId: string, enabled = true) {
  return useQuery({ ...meetingHistoryQueryOptions(meetingId), enabled });
}
