import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { paths } from '@/shared/api/schema';

export type ConsultationPage =
  paths['/api/v1/consultations']['get']['responses'][200]['content']['application/json'];
export type Consultation = ConsultationPage['items'][number];
export type Channel = Consultation['channel'];

// A record rather than an array so that a channel added to the API is a type error here.
const channelOrder: Record<Channel, true> = {
  visit: true,
  phone: true,
  email: true,
  outreach: true,
  popup: true,
  referral: true,
  neighbour_family: true,
  anonymous: true,
};
export const channels = Object.keys(channelOrder) as Channel[];

export type ConsultationFilter = { area?: string };

export async function getConsultations({ area }: ConsultationFilter): Promise<ConsultationPage> {
  const { data, error, response } = await api.GET('/api/v1/consultations', {
    params: { query: { limit: 50, offset: 0, ...(area ? { area } : {}) } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const consultationsQueryOptions = (filter: ConsultationFilter) =>
  queryOptions({
    queryKey: ['consultations', 'list', filter],
    queryFn: () => getConsultations(filter),
  });

export function useConsultations(filter: ConsultationFilter) {
  return useQuery(consultationsQueryOptions(filter));
}
