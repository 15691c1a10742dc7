import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';

export type StaffNameEntry = components['schemas']['UserName'];

/** The most usernames one /api/v1/users/names call takes. */
const BATCH_LIMIT = 200;
/** Names change rarely; a screen should not ask again while it stays open. */
const NAME_STALE_MS = 30 * 60_000;

type Waiter = { resolve: (entry: StaffNameEntry | null) => void; reject: (error: unknown) => void };

// Usernames asked for in the same tick, by every <StaffName> on the screen, go in one request.
let pending = new Map<string, Waiter[]>();
let scheduled = false;

async function fetchNames(usernames: string[]): Promise<StaffNameEntry[]> {
  const { data, error, response } = await api.GET('/api/v1/users/names', {
    params: { query: { username: usernames } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

function flush() {
  scheduled = false;
  const batch = pending;
  pending = new Map();
  const usernames = [...batch.keys()];
  for (let start = 0; start < usernames.length; start += BATCH_LIMIT) {
    const chunk = usernames.slice(start, start + BATCH_LIMIT);
    fetchNames(chunk).then(
      (entries) => {
        const found = new Map(entries.map((e) => [e.username, e]));
        for (const username of chunk) for (const w of batch.get(username) ?? []) w.resolve(found.get(username) ?? null);
      },
      (error: unknown) => {
        for (const username of chunk) for (const w of batch.get(username) ?? []) w.reject(error);
      },
    );
  }
}

/** One username's name, fetched together with the others asked for in the same tick; null when unknown. */
export function loadStaffName(username: string): Promise<StaffNameEntry | null> {
  return new Promise((resolve, reject) => {
    const waiters = pending.get(username) ?? [];
    waiters.push({ resolve, reject });
    pending.set(username, waiters);
    if (!scheduled) {
      scheduled = true;
      setTimeout(flush, 0);
    }
  });
}

export const staffNameQueryOptions = (username: string) =>
  queryOptions({
    queryKey: ['users', 'name', username],
    queryFn: () => loadStaffName(username),
    staleTime: NAME_STALE_MS,
    gcTime: 2 * NAME_STALE_MS,
    retry: 1,
  });

/** Usernames that can name a person: not empty and not a system actor. */
function isLookable(username: string | null | undefined): username is string {
  return typeof username === 'string' && username.trim().length > 0;
}

/** The name behind one username (undefined while loading, null when unknown). */
export function useStaffName(username: string | null | undefined) {
  return useQuery({ ...staffNameQueryOptions(username ?? ''), enabled: isLookable(username) });
}

/**
 * Names for many usernames at once (for text built with t(), lists joined with 「、」).
 * Returns a function giving the display name, with the 退職 marker for former staff;
 * the username itself while loading or when unknown.
 */
export function useStaffNames(usernames: readonly (string | null | undefined)[]) {
  const { t } = useTranslation();
  const unique = [...new Set(usernames.filter(isLookable))];
  const results = useQueries({ queries: unique.map((u) => staffNameQueryOptions(u)) });
  const byUsername = new Map<string, StaffNameEntry>();
  results.forEach((r) => {
    if (r.data) byUsername.set(r.data.username, r.data);
  });
  return (username: string | null | undefined): string => {
    if (!isLookable(username)) return username ?? '';
    const entry = byUsername.get(username);
    if (!entry) return username;
    return entry.active ? entry.display_name : t('staff.former', { name: entry.display_name });
  };
}
