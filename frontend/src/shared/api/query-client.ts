import { QueryClient, type InvalidateOptions, type InvalidateQueryFilters } from '@tanstack/react-query';
import { ApiError } from './errors';

/**
 * A QueryClient whose invalidation after a write never settles for a read begun before it.
 *
 * TanStack Query's `invalidateQueries` reuses a fetch already in flight when the query has no data
 * yet (a page's first load still running). That fetch may have read the database before the write
 * committed, or straddled it (a page of two rows with a total of three): what the user just saved
 * would be missing until the next reload. Cancelling first makes the refetch a new read.
 */
export class WriteAwareQueryClient extends QueryClient {
  override async invalidateQueries(filters?: InvalidateQueryFilters, options?: InvalidateOptions): Promise<void> {
    await this.cancelQueries(filters);
    return super.invalidateQueries(filters, options);
  }
}

export function makeQueryClient(): QueryClient {
  return new WriteAwareQueryClient({
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        // A 4xx will not get better by asking again.
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      },
    },
  });
}
