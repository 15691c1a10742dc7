import { ApiError } from '@/shared/api/errors';
import type { BodyType } from '../api/types';

// The problem types meeting-api answers with, and the members they carry beyond RFC 9457's.

export type Clash = {
  meeting_id: string;
  title: string;
  starts_at: string;
  ends_at: string;
  participants: string[];
  same_place: boolean;
  occurrence_starts_at: string;
};

function problemOf(error: unknown, type: string): Record<string, unknown> | null {
  if (!(error instanceof ApiError) || error.problem?.type !== type) return null;
  return error.problem as Record<string, unknown>;
}

/** The meetings a 409 /problems/meeting-clash names, or null for any other error. */
export function clashesOf(error: unknown): Clash[] | null {
  const problem = problemOf(error, '/problems/meeting-clash');
  if (!problem) return null;
  return Array.isArray(problem.clashes) ? (problem.clashes as Clash[]) : [];
}

/** The body whose 守秘義務 must be confirmed first (403 /problems/confidentiality-not-confirmed). */
export function unconfirmedBodyOf(error: unknown): string | null {
  const problem = problemOf(error, '/problems/confidentiality-not-confirmed');
  if (!problem) return null;
  return typeof problem.body_id === 'string' ? problem.body_id : '';
}

/** The law check's refusal (422 /problems/body-not-allowed) with the bodies that would be allowed. */
export function bodyNotAllowedOf(
  error: unknown,
): { title: string; detail: string; allowed: BodyType[] } | null {
  const problem = problemOf(error, '/problems/body-not-allowed');
  if (!problem) return null;
  return {
    title: typeof problem.title === 'string' ? problem.title : '',
    detail: typeof problem.detail === 'string' ? problem.detail : '',
    allowed: Array.isArray(problem.allowed_body_types) ? (problem.allowed_body_types as BodyType[]) : [],
  };
}

export function isStatus(error: unknown, ...statuses: number[]): boolean {
  return error instanceof ApiError && statuses.includes(error.status);
}

export function problemType(error: unknown): string | undefined {
  return error instanceof ApiError ? error.problem?.type : undefined;
}
