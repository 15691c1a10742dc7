import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MonthlyStatistics, StatisticsRange } from '../api/types';
import { shortMonth } from '../utils/months';
import {
  CHANNELS,
  COMMUNITY_COLOUR,
  hours,
  INDIVIDUAL_COLOUR,
  PALETTE,
  TRIAGE_OUTCOMES,
} from '../utils/vocabulary';

const HEIGHT = 280;

/** A chart with its caption; the caption names the chart for screen readers too. */
function ChartFigure({ id, title, empty, children }: { id: string; title: string; empty: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <figure className="card statistics-chart" aria-labelledby={id}>
      <figcaption id={id}>{title}</figcaption>
      {empty ? <p className="muted">{t('statistics.charts.empty')}</p> : <div className="statistics-chart-body">{children}</div>}
    </figure>
  );
}

/** New consultations by channel, month by month (stacked). */
export function ChannelsOverMonths({ range }: { range: StatisticsRange }) {
  const { t, i18n } = useTranslation();
  const data = range.months.map((m) => ({
    label: shortMonth(m.month, i18n.language),
    ...Object.fromEntries(CHANNELS.map((c) => [c, m.intake.by_channel[c] ?? 0])),
  }));
  const total = range.months.reduce((sum, m) => sum + m.intake.new_consultations, 0);
  return (
    <ChartFigure id="statistics-chart-channels" title={t('statistics.charts.channels')} empty={total === 0}>
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          {CHANNELS.map((c, i) => (
            <Bar key={c} dataKey={c} name={t(`statistics.channel.${c}`)} stackId="channels" fill={PALETTE[i % PALETTE.length]} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

/** New consultations of the month by area. */
export function ByArea({ month, areaNames }: { month: MonthlyStatistics; areaNames: Map<string, string> }) {
  const { t } = useTranslation();
  const data = Object.entries(month.intake.by_area).map(([code, count]) => ({
    label: areaNames.get(code) ?? (code === 'unassigned' ? t('statistics.unassigned') : code),
    count,
  }));
  return (
    <ChartFigure id="statistics-chart-areas" title={t('statistics.charts.areas')} empty={data.length === 0}>
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" interval={0} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="count" name={t('statistics.charts.count')} fill={PALETTE[0]} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

/** How the month's triage ended. */
export function TriageOutcomes({ month }: { month: MonthlyStatistics }) {
  const { t } = useTranslation();
  const data = TRIAGE_OUTCOMES.map((code) => ({
    label: t(`statistics.triage.${code}`),
    count: month.intake.triage[code] ?? 0,
  }));
  return (
    <ChartFigure
      id="statistics-chart-triage"
      title={t('statistics.charts.triage')}
      empty={data.every((d) => d.count === 0)}
    >
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <BarChart data={data} layout="vertical" margin={{ left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={150} />
          <Tooltip />
          <Bar dataKey="count" name={t('statistics.charts.count')} fill={PALETTE[2]} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

/** Each CSW's hours of individual support and of community work (stacked): the balance to watch. */
export function WorkloadBalance({ month }: { month: MonthlyStatistics }) {
  const { t } = useTranslation();
  const data = month.cases.workload.by_csw.map((row) => ({
    label: row.display_name ?? row.csw,
    individual: hours(row.individual_minutes),
    community: hours(row.community_minutes),
  }));
  return (
    <ChartFigure id="statistics-chart-workload" title={t('statistics.charts.workload')} empty={data.length === 0}>
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" interval={0} />
          <YAxis />
          <Tooltip />
          <Legend />
          <Bar dataKey="individual" name={t('statistics.charts.individual')} stackId="time" fill={INDIVIDUAL_COLOUR} />
          <Bar dataKey="community" name={t('statistics.charts.community')} stackId="time" fill={COMMUNITY_COLOUR} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
