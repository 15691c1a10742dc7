import type { components } from '@/shared/api/schema';

export type Activity = components['schemas']['ActivityRead'];
export type ActivityPage = components['schemas']['ActivityPage'];
export type ActivityCreate = components['schemas']['ActivityCreate'];
export type ActivityKind = components['schemas']['ActivityKind'];
export type Workload = components['schemas']['Workload'];
export type Area = components['schemas']['AreaRead'];

const kindOrder: Record<ActivityKind, true> = {
  event: true,
  small_area: true,
  network: true,
  sc_coordination: true,
  popup: true,
  other: true,
};
export const activityKinds = Object.keys(kindOrder) as ActivityKind[];
