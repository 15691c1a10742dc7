import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { paths } from '@/shared/api/schema';
import type { Consultation } from './get-consultations';

export type ConsultationCreate =
  paths['/api/v1/consultations']['post']['requestBody']['content']['application/json'];

export async function createConsultation(body: ConsultationCreate): Promise<Consultation> {
  const { data, error, response } = await api.POST('/api/v1/consultations', {
    body,
    headers: { 'Idempotency-Key': newIdempotencyKey() },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export function useCreateConsultation({
  onSuccess,
}: { onSuccess?: (created: Consultation) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createConsultation,
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['consultations'] });
      onSuccess?.(created);
    },
  });
}
