import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { paths } from '@/shared/api/schema';

export type ConsultationMessage =
  paths['/api/v1/consultations/{consultation_id}/messages']['get']['responses'][200]['content']['application/json'][number];

export async function getConsultationMessages(id: string): Promise<ConsultationMessage[]> {
  const { data, error, response } = await api.GET('/api/v1/consultations/{consultation_id}/messages', {
    params: { path: { consultation_id: id } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const consultationMessagesQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['consultations', 'messages', id],
    queryFn: () => getConsultationMessages(id),
  });

export function useConsultationMessages(id: string) {
  return useQuery(consultationMessagesQueryOptions(id));
}
