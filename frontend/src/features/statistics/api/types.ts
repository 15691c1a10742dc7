import type { components } from '@/shared/api/schema';

export type MonthlyStatistics = components['schemas']['MonthlyStatistics'];
export type StatisticsRange = components['schemas']['StatisticsRange'];
export type NationalFigure = components['schemas']['NationalFigure'];
export type CswWorkload = components['schemas']['CswWorkload'];
export type StatisticsArea = components['schemas']['AreaRead'];
export type CsvEncoding = 'utf-8' | 'cp932';

export type StatisticsFilter = { month: string; area?: string };
