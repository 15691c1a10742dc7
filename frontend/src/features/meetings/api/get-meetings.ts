import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import { meetingKeys } from './keys';
import type { Meeting } from './types';

/** A calendar range: meetings starting in [from, to), ISO instants with offset. */
export type MeetingFilter = { from: string; to: string; bodyId?: string };

const PAGE = 200;

/** Every meeting in the range (cancelled ones too: the calendar strikes them through). */
export async function getMeetings({ from, to, bodyId }: MeetingFilter): Promise<Meeting[]> {
  const items: Meeting[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { data, error, response } = await api.GET('/api/v1/meetings', {
      params: {
        query: {
          from,
          to,
          include_cancelled: true,
          limit: PAGE,
          offset,
          ...(bodyId ? { body_id: bodyId } : {}),
        },
      },
    });
    if (!data) throw new ApiError(response.status, error);
    items.push(...data.items);
    if (items.length >= data.total || data.items.length === 0) return items;
  }
}

export const meetingsQueryOptions = (filter: MeetingFilter) =>
  queryOptions({ queryKey: meetingKeys.list(filter), queryFn: () => getMeetings(filter) });

export function useMeetings(filter: MeetingFilter) {
  return useQuery(meetingsQueryOptions(filter));
}
