import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/shared/api/errors';
import { useCurrentUser } from '@/shared/auth/current-user';
import { MonthField } from '@/shared/ui/date-fields';
import { formatMonth } from '@/shared/utils/datetime';
import { useAreas } from '../api/get-areas';
import { useMonthly } from '../api/get-monthly';
import { useRange } from '../api/get-range';
import type { MonthlyStatistics } from '../api/types';
import { currentMonth, isMonth } from '../utils/months';
import { hours, MEETING_BODIES } from '../utils/vocabulary';
import { CsvDownload } from './csv-download';
import '../statistics.css';

const ChartsPanel = lazy(() => import('./charts-panel'));

function errorText(error: unknown, t: (key: 'statistics.forbidden' | 'statistics.loadError') => string): string {
  return error instanceof ApiError && error.status === 403 ? t('statistics.forbidden') : t('statistics.loadError');
}

/** 月次統計: the month's figures, the national survey's, charts over 12 months, and the CSV. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const monthId = useId();
  const areaId = useId();
  const [month, setMonth] = useState(currentMonth());
  // What the field shows; the figures follow it once it is a whole month up to this one.
  const [monthDraft, setMonthDraft] = useState(month);
  const [chosenArea, setArea] = useState('');
  // A CSW sees their own area only (the services answer for it whatever is asked): the selector
  // says so rather than 全域 over figures of one area.
  const me = useCurrentUser();
  const ownArea = me.data?.role === 'csw' ? me.data.area : null;
  const area = ownArea ?? chosenArea;
  const filter = useMemo(() => ({ month, ...(area ? { area } : {}) }), [month, area]);
  const areas = useAreas();
  const monthly = useMonthly(filter);
  const range = useRange(filter);
  const areaNames = useMemo(() => new Map(areas.data?.map((a) => [a.code, a.name]) ?? []), [areas.data]);

  return (
    <div className="statistics">
      <div className="page-head">
        <h1>{t('statistics.title')}</h1>
      </div>
      <div className="card statistics-toolbar">
        <div className="field inline">
          <label id={`${monthId}-label`} htmlFor={monthId}>
            {t('statistics.month')}
          </label>
          <MonthField
            id={monthId}
            required
            value={monthDraft}
            max={currentMonth()}
            onChange={(value) => {
              setMonthDraft(value);
              if (isMonth(value) && value <= currentMonth()) setMonth(value);
            }}
          />
        </div>
        <div className="field inline">
          <label htmlFor={areaId}>{t('statistics.area')}</label>
          <select
            id={areaId}
            value={area}
            disabled={Boolean(ownArea)}
            onChange={(e) => setArea(e.target.value)}
          >
            {!ownArea && <option value="">{t('statistics.allAreas')}</option>}
            {areas.data?.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <CsvDownload filter={filter} />
      </div>

      {monthly.isPending && <p className="muted">{t('app.loading')}</p>}
      {monthly.isError && (
        <p role="alert" className="alert">
          {errorText(monthly.error, t)}
        </p>
      )}
      {monthly.data && <MonthFigures figures={monthly.data} areaNames={areaNames} />}

      <h2>{t('statistics.charts.title')}</h2>
      {range.isError && (
        <p role="alert" className="alert">
          {errorText(range.error, t)}
        </p>
      )}
      <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
        <ChartsPanel range={range.data} month={monthly.data} areaNames={areaNames} />
      </Suspense>
      {monthly.data && <WorkloadTable figures={monthly.data} />}
      {monthly.data && <MeetingsTable figures={monthly.data} />}
    </div>
  );
}

function MonthFigures({ figures, areaNames }: { figures: MonthlyStatistics; areaNames: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  const { intake, cases } = figures;
  const rated = new Map(figures.national.map((f) => [f.key, f]));
  const summary: [string, number, number | null | undefined][] = [
    [t('statistics.summary.newConsultations'), intake.new_consultations, rated.get('new_consultations')?.per_100k],
    [t('statistics.summary.plansMade'), cases.plans_made, rated.get('plans_made')?.per_100k],
    [t('statistics.summary.casesOpened'), cases.cases_opened, null],
    [t('statistics.summary.replans'), cases.replans, null],
    [t('statistics.summary.closures'), cases.closures, null],
    [t('statistics.summary.outreachVisits'), cases.outreach_visits, null],
    [t('statistics.summary.anonymousReports'), intake.anonymous_reports, null],
    [t('statistics.summary.safetyOnTime'), cases.safety_checks.done_on_time, null],
    [t('statistics.summary.safetyLate'), cases.safety_checks.done_late, null],
    [t('statistics.summary.safetyOverdue'), cases.safety_checks.open_overdue, null],
  ];
  if (figures.meetings) {
    summary.push(
      [t('statistics.summary.meetingsHeld'), figures.meetings.held, null],
      [t('statistics.summary.casesDiscussed'), figures.meetings.cases_discussed, null],
    );
  }
  return (
    <>
      <section className="statistics-summary" aria-labelledby="statistics-summary">
        <h2 id="statistics-summary">
          {t('statistics.summary.title', {
            month: formatMonth(figures.month, i18n.language),
            area: figures.area ? (areaNames.get(figures.area) ?? figures.area) : t('statistics.allAreas'),
          })}
        </h2>
        <dl className="statistics-figures">
          {summary.map(([label, value, per100k]) => (
            <div key={label} className="card statistics-figure">
              <dt>{label}</dt>
              <dd>
                <span className="statistics-number">{value.toLocaleString('ja-JP')}</span>
                {per100k != null && (
                  <span className="statistics-rate">{t('statistics.summary.per100k', { value: per100k })}</span>
                )}
              </dd>
            </div>
          ))}
        </dl>
        {figures.population != null && (
          <p className="muted">
            {t('statistics.population', { population: figures.population.toLocaleString('ja-JP') })}
          </p>
        )}
        {figures.unavailable.includes('meetings') && <p className="muted">{t('statistics.meetingsUnavailable')}</p>}
      </section>

      <section aria-labelledby="statistics-national">
        <h2 id="statistics-national">{t('statistics.national.title')}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('statistics.national.figure')}</th>
                <th scope="col">{t('statistics.national.count')}</th>
                <th scope="col">{t('statistics.national.per100k')}</th>
                <th scope="col">{t('statistics.national.note')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.national.map((f) => (
                <tr key={f.key}>
                  <th scope="row">{f.label}</th>
                  <td className="statistics-num">{f.count ?? '—'}</td>
                  <td className="statistics-num">{f.per_100k ?? '—'}</td>
                  <td>{f.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

/** Meetings held by body: the bodies that met this month. */
function MeetingsTable({ figures }: { figures: MonthlyStatistics }) {
  const { t } = useTranslation();
  const held = MEETING_BODIES.filter((body) => (figures.meetings?.held_by_body[body] ?? 0) > 0);
  if (!figures.meetings || held.length === 0) return null;
  return (
    <section aria-labelledby="statistics-meetings">
      <h2 id="statistics-meetings">{t('statistics.meetings.title')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('statistics.meetings.body')}</th>
              <th scope="col">{t('statistics.meetings.held')}</th>
            </tr>
          </thead>
          <tbody>
            {held.map((body) => (
              <tr key={body}>
                <th scope="row">{t(`statistics.meetings.bodies.${body}`)}</th>
                <td className="statistics-num">{figures.meetings?.held_by_body[body]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The workload split as a table too: the chart's numbers, readable without the chart. */
function WorkloadTable({ figures }: { figures: MonthlyStatistics }) {
  const { t } = useTranslation();
  const rows = figures.cases.workload.by_csw;
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="statistics-workload">
      <h2 id="statistics-workload">{t('statistics.workload.title')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('statistics.workload.csw')}</th>
              <th scope="col">{t('statistics.workload.individual')}</th>
              <th scope="col">{t('statistics.workload.community')}</th>
              <th scope="col">{t('statistics.workload.ratio')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.csw}>
                <th scope="row">{row.display_name ?? row.csw}</th>
                <td className="statistics-num">{hours(row.individual_minutes)}</td>
                <td className="statistics-num">{hours(row.community_minutes)}</td>
                <td className="statistics-num">
                  {row.community_ratio == null ? '—' : `${Math.round(row.community_ratio * 1000) / 10}%`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
