// @vitest-environment node
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { WriteAwareQueryClient } from './query-client';

/**
 * A page whose first load is still running when the user's write succeeds: the read in flight
 * began before the write; the one that follows the invalidation begins after it.
 */
async function dataAfterAWriteDuringTheFirstLoad(client: QueryClient): Promise<string | undefined> {
  let release: (value: string) => void = () => {};
  let reads = 0;
  const observer = new QueryObserver(client, {
    queryKey: ['activities', 'list'],
    queryFn: () => {
      reads += 1;
      // The first read saw the database before the write; every later read sees it after.
      return reads === 1 ? new Promise<string>((resolve) => (release = resolve)) : Promise.resolve('after the write');
    },
  });
  const unsubscribe = observer.subscribe(() => {});
  await Promise.resolve();
  const invalidated = client.invalidateQueries({ queryKey: ['activities'] });
  release('before the write');
  await invalidated;
  unsubscribe();
  return observer.getCurrentResult().data;
}

describe('invalidation after a write', () => {
  it('does not settle for the first load that was in flight', async () => {
    expect(await dataAfterAWriteDuringTheFirstLoad(new WriteAwareQueryClient())).toBe('after the write');
  });

  it('is what a plain QueryClient gets wrong (the reason for it)', async () => {
    expect(await dataAfterAWriteDuringTheFirstLoad(new QueryClient())).toBe('before the write');
  });
});
