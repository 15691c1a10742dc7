import type { TFunction } from 'i18next';
import { ApiError } from '@/shared/api/errors';

/** A plain sentence for a failed public request (the pages show it in role="alert"). */
export function publicErrorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('publicReport.errors.network');
  if (error.status === 429) return t('publicReport.errors.tooMany');
  if (error.status === 404) return t('publicReport.errors.notFound');
  if (error.status === 422) {
    if (error.problem?.type === '/problems/challenge-failed') {
      return error.problem.title ?? t('publicReport.errors.challenge');
    }
    const tooLong = error.problem?.errors?.some((e) => e.type === 'string_too_long');
    const empty = error.problem?.errors?.some((e) => e.type === 'string_too_short');
    if (tooLong) return t('publicReport.errors.tooLong');
    if (empty) return t('publicReport.errors.empty');
    return error.problem?.title ?? t('publicReport.errors.invalid');
  }
  return t('publicReport.errors.server');
}
