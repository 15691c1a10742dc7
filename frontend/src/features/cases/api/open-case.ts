import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api, newIdempotencyKey } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';
import { caseKeys } from './keys';
import type { Case, Household } from './types';

export type HouseholdCreate = components['schemas']['HouseholdCreate'];
export type CaseCreate = components['schemas']['CaseCreate'];

export async function createHousehold(body: HouseholdCreate): Promise<Household> {
  const { data, error, response } = await api.POST('/api/v1/households', { body });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export async function openCase(body: CaseCreate, idempotencyKey: string): Promise<Case> {
  const { data, error, response } = await api.POST('/api/v1/cases', {
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

/** Which step failed, so the form can say whether the household was already written. */
export class OpenCaseError extends Error {
  readonly step: 'household' | 'case';
  readonly cause: unknown;

  constructor(step: 'household' | 'case', cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'OpenCaseError';
    this.step = step;
    this.cause = cause;
  }
}

export type OpenCaseInput = {
  household: HouseholdCreate;
  /** Without household_id: it is filled in from the household just written. */
  case: Omit<CaseCreate, 'household_id'>;
};

/**
 * The household first, then the case on it. A household written by an earlier attempt whose
 * case failed is reused, and the case keeps one Idempotency-Key, so a retry writes nothing twice.
 */
export function useOpenCaseWithHousehold({ onSuccess }: { onSuccess: (created: Case) => void }) {
  const queryClient = useQueryClient();
  const written = useRef<Household | null>(null);
  const idempotencyKey = useRef(newIdempotencyKey());
  const mutation = useMutation({
    mutationFn: async (input: OpenCaseInput) => {
      if (!written.current) {
        try {
          written.current = await createHousehold(input.household);
        } catch (error) {
          throw new OpenCaseError('household', error);
        }
      }
      const householdId = written.current.id;
      try {
        return await openCase({ ...input.case, household_id: householdId }, idempotencyKey.current);
      } catch (error) {
        throw new OpenCaseError('case', error);
      }
    },
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
      onSuccess(created);
    },
  });
  return { ...mutation, householdWritten: written.current !== null };
}
