import type { CaseFilter } from './get-cases';

/** Query keys of this feature: everything of one case sits under ['case', id]. */
export const caseKeys = {
  lists: () => ['cases', 'list'] as const,
  list: (filter: CaseFilter) => ['cases', 'list', filter] as const,
  all: (caseId: string) => ['case', caseId] as const,
  detail: (caseId: string) => ['case', caseId, 'detail'] as const,
  part: (caseId: string, part: string, ...rest: unknown[]) => ['case', caseId, part, ...rest] as const,
};

/** The weak ETag case-api gives a case, an involvement or a safety check at `version`. */
export function weakEtag(version: number): string {
  return `W/"${version}"`;
}
