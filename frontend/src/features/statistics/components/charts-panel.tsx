import type { MonthlyStatistics, StatisticsRange } from '../api/types';
import { ByArea, ChannelsOverMonths, TriageOutcomes, WorkloadBalance } from './charts';

type Props = { range: StatisticsRange | undefined; month: MonthlyStatistics | undefined; areaNames: Map<string, string> };

/** The four charts; its own chunk, so the chart library loads only with the statistics page. */
export default function ChartsPanel({ range, month, areaNames }: Props) {
  return (
    <div className="statistics-charts">
      {range && <ChannelsOverMonths range={range} />}
      {month && <ByArea month={month} areaNames={areaNames} />}
      {month && <TriageOutcomes month={month} />}
      {month && <WorkloadBalance month={month} />}
    </div>
  );
}
