import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { ApiError } from '@/shared/api/errors';
import type { components } from '@/shared/api/schema';
import type { Area } from '@/shared/users/areas';

export type AreaCreate = components['schemas']['AreaCreate'];
export type AreaUpdate = components['schemas']['AreaUpdate'];

export async function createArea(body: AreaCreate): Promise<Area> {
  const { data, error, response } = await api.POST('/api/v1/areas', { body });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export async function updateArea(area: Area, body: AreaUpdate): Promise<Area> {
  const { data, error, response } = await api.PATCH('/api/v1/areas/{code}', {
    params: { path: { code: area.code }, header: { 'If-Match': `"${area.version}"` } },
    body,
  });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

/** Every screen's areas (they share one key) are read again after a change. */
function useRefreshAreas() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['areas'] }),
      queryClient.invalidateQueries({ queryKey: ['meetingBodies', 'areas'] }),
      queryClient.invalidateQueries({ queryKey: ['statistics', 'areas'] }),
    ]);
}

export function useCreateArea() {
  const refresh = useRefreshAreas();
  return useMutation({ mutationFn: createArea, onSuccess: refresh });
}

export function useUpdateArea() {
  const refresh = useRefreshAreas();
  return useMutation({
    mutationFn: ({ area, body }: { area: Area; body: AreaUpdate }) => updateArea(area, body),
    onSuccess: refresh,
  });
}
