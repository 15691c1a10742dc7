import type { TFunction } from 'i18next';
import { ApiError } from '@/shared/api/errors';

/** The lines to show for a failed triage request: the server's own Japanese title and detail. */
export function problemLines(error: unknown, t: TFunction): string[] {
  if (!(error instanceof ApiError)) return [t('triage.errors.network')];
  const problem = error.problem;
  const lines: string[] = [];
  if (error.status === 422 && Array.isArray(problem?.errors) && problem.errors.length > 0) {
    lines.push(t('triage.errors.invalid'));
    for (const item of problem.errors) {
      const raw = item.msg.replace(/^Value error, /, '');
      const field = item.loc.filter((p) => p !== 'body').join(' › ');
      const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/.test(raw);
      const message = japanese ? raw : t('triage.errors.field');
      lines.push(field ? `${field}: ${message}` : message);
    }
    return lines;
  }
  if (problem?.title) lines.push(problem.title);
  if (problem?.detail && problem.detail !== problem.title) lines.push(problem.detail);
  if (lines.length === 0) lines.push(t('triage.errors.failed'));
  return lines;
}
