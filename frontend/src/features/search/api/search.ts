import { useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';

export type SearchResults = components['schemas']['SearchResults'];
export type PersonHit = components['schemas']['PersonHit'];
export type CaseHit = components['schemas']['CaseHit'];
export type ConsultationHit = components['schemas']['ConsultationHit'];
export type SearchSection = SearchResults['unavailable'][number];

/** The longest query the API takes. */
export const SEARCH_MAX_LENGTH = 100;

/** Persons, cases and consultations the caller may see (personal data: never in the HTTP cache). */
export async function search(q: string, signal?: AbortSignal): Promise<SearchResults> {
  const { data, error, response } = await api.GET('/api/v1/search', {
    params: { query: { q } },
    cache: 'no-store',
    signal,
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export function useSearch(q: string) {
  return useQuery({
    queryKey: ['search', q],
    queryFn: ({ signal }) => search(q, signal),
    enabled: q.length > 0,
    // Kept in memory only, briefly, and dropped at sign-out with the rest of the cache.
    staleTime: 30_000,
    gcTime: 60_000,
    placeholderData: (previous) => previous,
  });
}
