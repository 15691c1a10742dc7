import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError } from '@/shared/api/errors';
import type { paths } from '@/shared/api/schema';
import { publicApi } from './public-client';

export type ReportStatus =
  paths['/api/v1/public/reports/{receipt}']['get']['responses'][200]['content']['application/json'];

export async function getReportStatus(code: string): Promise<ReportStatus> {
  const { data, error, response } = await publicApi.GET('/api/v1/public/reports/{receipt}', {
    params: { path: { receipt: code } },
    cache: 'no-store',
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const reportStatusQueryOptions = (code: string | null) =>
  queryOptions({
    queryKey: ['publicReport', 'status', code],
    queryFn: () => getReportStatus(code ?? ''),
    enabled: code !== null,
    // Nothing of a reporter's lookup should linger in memory once they leave the page.
    gcTime: 0,
  });

export function useReportStatus(code: string | null) {
  return useQuery(reportStatusQueryOptions(code));
}
