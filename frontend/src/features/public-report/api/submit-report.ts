import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '@/shared/api/errors';
import type { paths } from '@/shared/api/schema';
import { getProof } from './get-challenge';
import { publicApi } from './public-client';

export type ReportInput = Omit<
  paths['/api/v1/public/reports']['post']['requestBody']['content']['application/json'],
  'proof'
>;
export type Receipt =
  paths['/api/v1/public/reports']['post']['responses'][201]['content']['application/json'];
export type SubmitPhase = 'idle' | 'preparing' | 'sending';

export async function submitReport(
  input: ReportInput,
  onPhase: (phase: SubmitPhase) => void = () => {},
): Promise<Receipt> {
  onPhase('preparing');
  const proof = await getProof();
  onPhase('sending');
  const { data, error, response } = await publicApi.POST('/api/v1/public/reports', {
    body: { ...input, proof },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

/** Submitting a report; `phase` says whether the browser is still solving the challenge. */
export function useSubmitReport() {
  const [phase, setPhase] = useState<SubmitPhase>('idle');
  const mutation = useMutation({
    mutationFn: (input: ReportInput) => submitReport(input, setPhase),
    onSettled: () => setPhase('idle'),
  });
  return { ...mutation, phase };
}
