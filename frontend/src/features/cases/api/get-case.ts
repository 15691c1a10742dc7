import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import { caseKeys, weakEtag } from './keys';
import type { Case } from './types';

/** A case with the ETag to send back as If-Match. */
export type CaseWithEtag = { case: Case; etag: string };

export function withEtag(data: Case, response: Response): CaseWithEtag {
  return { case: data, etag: response.headers.get('ETag') ?? weakEtag(data.version) };
}

export async function getCase(caseId: string): Promise<CaseWithEtag> {
  const { data, error, response } = await api.GET('/api/v1/cases/{case_id}', {
    params: { path: { case_id: caseId } },
  });
  if (!data) throw new ApiError(response.status, error);
  return withEtag(data, response);
}

export const caseQueryOptions = (caseId: string) =>
  queryOptions({ queryKey: caseKeys.detail(caseId), queryFn: () => getCase(caseId) });

export function useCase(caseId: string) {
  return useQuery(caseQueryOptions(caseId));
}
