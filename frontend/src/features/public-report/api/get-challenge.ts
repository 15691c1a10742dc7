import { ApiError } from '@/shared/api/errors';
import type { paths } from '@/shared/api/schema';
import { solveChallenge } from '../utils/proof-of-work';
import { publicApi } from './public-client';

type Challenge =
  paths['/api/v1/public/challenge']['get']['responses'][200]['content']['application/json'];
export type Proof = { challenge: string; nonce: string };

export async function getChallenge(): Promise<Challenge> {
  const { data, error, response } = await publicApi.GET('/api/v1/public/challenge', {
    cache: 'no-store',
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

/** A fresh challenge, solved in the browser: what every public POST must carry. */
export async function getProof(options: Parameters<typeof solveChallenge>[2] = {}): Promise<Proof> {
  const { challenge, difficulty } = await getChallenge();
  const nonce = await solveChallenge(challenge, difficulty, options);
  return { challenge, nonce };
}
