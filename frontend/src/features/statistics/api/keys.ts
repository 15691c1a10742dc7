import type { StatisticsFilter } from './types';

export const statisticsKeys = {
  all: ['statistics'] as const,
  monthly: (filter: StatisticsFilter) => ['statistics', 'monthly', filter] as const,
  range: (filter: StatisticsFilter) => ['statistics', 'range', filter] as const,
  areas: () => ['statistics', 'areas'] as const,
};
