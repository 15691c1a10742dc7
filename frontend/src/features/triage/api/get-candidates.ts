import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';

// intake passes case-api's person search through untyped; these are the fields read here.
export type MatchedOn = 'name' | 'kana' | 'birth_date' | 'phone' | 'address';
export type Candidate = {
  person: {
    id: string;
    name: string;
    name_kana: string | null;
    birth_date: string | null;
    sex: 'female' | 'male' | 'other' | 'unknown' | null;
    address: string | null;
    phone: string | null;
    area: string | null;
  };
  households: string[];
  cases: string[];
  matched_on: MatchedOn[];
  score: number;
};

export async function getCandidates(id: string): Promise<Candidate[]> {
  const { data, error, response } = await api.GET(
    '/api/v1/consultations/{consultation_id}/candidates',
    { params: { path: { consultation_id: id } } },
  );
  if (!data) throw new ApiError(response.status, error);
  return data as unknown as Candidate[];
}

export const candidatesQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['triage', 'candidates', id], queryFn: () => getCandidates(id) });

export function useCandidates(id: string, enabled = true) {
  return useQuery({ ...candidatesQueryOptions(id), enabled });
}
