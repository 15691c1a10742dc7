// One areas query for every screen (one request, one cache): shared/users/areas.
export { type Area, areasQueryOptions, getAreas, useAreas } from '@/shared/users/areas';
