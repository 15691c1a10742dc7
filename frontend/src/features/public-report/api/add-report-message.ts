import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '@/shared/api/errors';
import { getProof } from './get-challenge';
import { publicApi } from './public-client';
import type { SubmitPhase } from './submit-report';

export type MessageInput = { code: string; text: string; website: string };

export async function addReportMessage(
  { code, text, website }: MessageInput,
  onPhase: (phase: SubmitPhase) => void = () => {},
): Promise<void> {
  onPhase('preparing');
  const proof = await getProof();
  onPhase('sending');
  const { error, response } = await publicApi.POST('/api/v1/public/reports/{receipt}/messages', {
    params: { path: { receipt: code } },
    body: { text, website, proof },
  });
  if (!response.ok) throw new ApiError(response.status, error);
}

export function useAddReportMessage() {
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<SubmitPhase>('idle');
  const mutation = useMutation({
    mutationFn: (input: MessageInput) => addReportMessage(input, setPhase),
    onSettled: () => setPhase('idle'),
    onSuccess: (_data, { code }) =>
      queryClient.invalidateQueries({ queryKey: ['publicReport', 'status', code] }),
  });
  return { ...mutation, phase };
}
