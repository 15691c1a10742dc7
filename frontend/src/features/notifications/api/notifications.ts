import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';

export type Notice = components['schemas']['InboxNotice'];
export type NoticeKind = Notice['kind'];
export type InboxPage = components['schemas']['InboxPage'];

/** How often the bell asks again while the page stays open. */
const POLL_MS = 60_000;

export const notificationKeys = {
  all: ['notifications'] as const,
  inbox: (limit: number) => ['notifications', 'inbox', limit] as const,
};

/** The caller's own notices, newest first, with the unread count. */
export async function getNotifications(limit: number): Promise<InboxPage> {
  const { data, error, response } = await api.GET('/api/v1/notifications', {
    params: { query: { limit, offset: 0 } },
    cache: 'no-store',
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const notificationsQueryOptions = (limit: number) =>
  queryOptions({
    queryKey: notificationKeys.inbox(limit),
    queryFn: () => getNotifications(limit),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    // Keep the last count on screen while the next page loads.
    placeholderData: (previous) => previous,
  });

export function useNotifications(limit: number, enabled = true) {
  return useQuery({ ...notificationsQueryOptions(limit), enabled });
}

async function markRead(noticeId: string): Promise<Notice> {
  const { data, error, response } = await api.POST('/api/v1/notifications/{notification_id}/read', {
    params: { path: { notification_id: noticeId } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

async function markAllRead(): Promise<number> {
  const { data, error, response } = await api.POST('/api/v1/notifications/read-all');
  if (!data) throw new ApiError(response.status, error);
  return data.marked;
}

/** Marks one notice read; the bell's count drops at once and is then asked again. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markRead,
    onMutate: (noticeId) => {
      const now = new Date().toISOString();
      queryClient.setQueriesData<InboxPage>({ queryKey: notificationKeys.all }, (page) => {
        if (!page) return page;
        const target = page.items.find((n) => n.id === noticeId);
        if (!target || target.read_at) return page;
        return {
          ...page,
          unread: Math.max(0, page.unread - 1),
          items: page.items.map((n) => (n.id === noticeId ? { ...n, read_at: now } : n)),
        };
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllRead,
    onSuccess: () => {
      const now = new Date().toISOString();
      queryClient.setQueriesData<InboxPage>({ queryKey: notificationKeys.all }, (page) =>
        page ? { ...page, unread: 0, items: page.items.map((n) => ({ ...n, read_at: n.read_at ?? now })) } : page,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
