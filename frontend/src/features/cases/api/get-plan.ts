import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import { caseKeys } from './keys';
import type { Plan, PlanSummary } from './types';

/** The current plan, or null while the case has none yet (404 of type /problems/no-plan). */
export async function getPlan(caseId: string): Promise<Plan | null> {
  const { data, error, response } = await api.GET('/api/v1/cases/{case_id}/plan', {
    params: { path: { case_id: caseId } },
  });
  if (!data) {
    const failure = new ApiError(response.status, error);
    if (failure.status === 404 && failure.problem?.type === '/problems/no-plan') return null;
    throw failure;
  }
  return data;
}

export const planQueryOptions = (caseId: string) =>
  queryOptions({ queryKey: caseKeys.part(caseId, 'plan', 'current'), queryFn: () => getPlan(caseId) });

export function usePlan(caseId: string) {
  return useQuery(planQueryOptions(caseId));
}

export async function getPlanVersions(caseId: string): Promise<PlanSummary[]> {
  const { data, error, response } = await api.GET('/api/v1/cases/{case_id}/plan/versions', {
    params: { path: { case_id: caseId } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const planVersionsQueryOptions = (caseId: string) =>
  queryOptions({
    queryKey: caseKeys.part(caseId, 'plan', 'versions'),
    queryFn: () => getPlanVersions(caseId),
  });

export function usePlanVersions(caseId: string) {
  return useQuery(planVersionsQueryOptions(caseId));
}

export async function getPlanVersion(caseId: string, number: number): Promise<Plan> {
  const { data, error, response } = await api.GET('/api/v1/cases/{case_id}/plan/versions/{number}', {
    params: { path: { case_id: caseId, number } },
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const planVersionQueryOptions = (caseId: string, number: number) =>
  queryOptions({
    queryKey: caseKeys.part(caseId, 'plan', 'version', number),
    queryFn: () => getPlanVersion(caseId, number),
    // An earlier version never changes.
    staleTime: Infinity,
  });

export function usePlanVersion(caseId: string, number: number | null) {
  return useQuery({ ...planVersionQueryOptions(caseId, number ?? 0), enabled: number !== null });
}
