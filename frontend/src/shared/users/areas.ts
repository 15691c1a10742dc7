import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';

export type Area = components['schemas']['AreaRead'];

/** The consultation's area before anyone chose one. */
export const UNASSIGNED_AREA = 'unassigned';

export async function getAreas(): Promise<Area[]> {
  const { data, error, response } = await api.GET('/api/v1/areas');
  if (!data) throw new ApiError(response.status, error);
  return data;
}

// The same key as the features' own areas queries, so that one request serves them all
// and the administrator's changes refresh every screen.
export const areasQueryOptions = () =>
  queryOptions({ queryKey: ['areas'], queryFn: getAreas, staleTime: 60 * 60_000 });

export function useAreas() {
  return useQuery(areasQueryOptions());
}

/** A function naming an area code (the code itself while loading or when unknown). */
export function useAreaName() {
  const { t } = useTranslation();
  const areas = useAreas();
  return (code: string | null | undefined): string => {
    if (!code) return '';
    if (code === UNASSIGNED_AREA) return t('staff.areaUnassigned');
    return areas.data?.find((a) => a.code === code)?.name ?? code;
  };
}
