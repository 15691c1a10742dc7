import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/shared/auth/current-user';
import { isValidMonth, MonthField } from '@/shared/ui/date-fields';
import { useActivities } from '../api/get-activities';
import { useAreas } from '../api/get-areas';
import { ActivityForm } from './activity-form';
import { StaffName } from '@/shared/users/staff-name';
import { WorkloadTable } from './workload-table';

function thisMonth(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .slice(0, 7);
}

const WORKLOAD_ROLES = ['supervisor', 'admin', 'csw'];

/** 地域づくり活動: the month's activities, the form to log one, and the workload split. */
export function ActivityLog() {
  const { t } = useTranslation();
  const id = useId();
  const me = useCurrentUser();
  const areas = useAreas();
  const [month, setMonth] = useState(thisMonth);
  // What the field shows; the list follows it once it is a whole month (or cleared: every month).
  const [monthDraft, setMonthDraft] = useState(month);
  const [logging, setLogging] = useState(false);
  const activities = useActivities({ month: month || undefined });
  const areaName = (code: string) => areas.data?.find((a) => a.code === code)?.name ?? code;
  const canLog = me.data ? ['csw', 'supervisor', 'admin'].includes(me.data.role) : false;
  const totalMinutes = activities.data?.items.reduce((sum, a) => sum + a.minutes_spent, 0) ?? 0;

  return (
    <div className="activities">
      <div className="page-head">
        <h1>{t('activities.title')}</h1>
        {canLog && !logging && (
          <button type="button" className="button primary" onClick={() => setLogging(true)}>
            {t('activities.log')}
          </button>
        )}
      </div>
      {logging && <ActivityForm onDone={() => setLogging(false)} />}

      <div className="toolbar">
        <div className="field inline">
          <label id={`${id}-month-label`} htmlFor={`${id}-month`}>
            {t('activities.month')}
          </label>
          <MonthField
            id={`${id}-month`}
            clearable
            max={thisMonth()}
            value={monthDraft}
            onChange={(value) => {
              setMonthDraft(value);
              if (value === '' || (isValidMonth(value) && value <= thisMonth())) setMonth(value);
            }}
          />
        </div>
        {activities.data && (
          <p className="muted" aria-live="polite">
            {t('activities.total', { count: activities.data.total, hours: (totalMinutes / 60).toFixed(1) })}
          </p>
        )}
      </div>

      {me.data && month && <WorkloadTable month={month} enabled={WORKLOAD_ROLES.includes(me.data.role)} />}

      {activities.isPending && <p>{t('app.loading')}</p>}
      {activities.isError && (
        <p role="alert" className="alert">
          {t('activities.loadError')}
        </p>
      )}
      {activities.data?.items.length === 0 && <p className="empty">{t('activities.empty')}</p>}
      {activities.data && activities.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('activities.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('activities.fields.date')}</th>
                <th scope="col">{t('activities.fields.kind')}</th>
                <th scope="col">{t('activities.fields.title')}</th>
                <th scope="col" className="num">{t('activities.fields.minutes')}</th>
                <th scope="col" className="num">{t('activities.fields.participants')}</th>
                <th scope="col">{t('activities.fields.csw')}</th>
                <th scope="col">{t('activities.fields.area')}</th>
              </tr>
            </thead>
            <tbody>
              {activities.data.items.map((a) => (
                <tr key={a.id}>
                  <td className="nowrap">{a.date.replaceAll('-', '/')}</td>
                  <td className="nowrap">{t(`activities.kind.${a.kind}`)}</td>
                  <td>
                    {a.title}
                    {a.note && <span className="wareki">{a.note}</span>}
                  </td>
                  <td className="num">{a.minutes_spent}</td>
                  <td className="num">{a.participants ?? '—'}</td>
                  <td>
                    <StaffName username={a.csw} />
                  </td>
                  <td className="nowrap">{areaName(a.area)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
