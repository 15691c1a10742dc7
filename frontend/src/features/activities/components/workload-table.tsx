import { useTranslation } from 'react-i18next';
import { formatMonth } from '@/shared/utils/datetime';
import { useAreas } from '../api/get-areas';
import { StaffName } from '@/shared/users/staff-name';
import { useWorkload } from '../api/get-workload';

const hours = (minutes: number) => (minutes / 60).toFixed(1);
const percent = (ratio: number | null) => (ratio === null ? '—' : `${Math.round(ratio * 100)}%`);

/** 個別支援と地域づくりの時間配分 per CSW and per area for one month. */
export function WorkloadTable({ month, enabled }: { month: string; enabled: boolean }) {
  const { t, i18n } = useTranslation();
  const workload = useWorkload(month, undefined, enabled);
  const areas = useAreas();
  const areaName = (code: string) => areas.data?.find((a) => a.code === code)?.name ?? code;

  if (!enabled) return null;
  return (
    <section className="card activities-workload" aria-labelledby="activities-workload-title">
      <h2 id="activities-workload-title">{t('activities.workload.title', {
          month: formatMonth(month, i18n.language),
        })}</h2>
      <p className="hint">{t('activities.workload.hint')}</p>
      {workload.isPending && <p className="muted">{t('app.loading')}</p>}
      {workload.isError && (
        <p role="alert" className="alert">
          {t('activities.workload.loadError')}
        </p>
      )}
      {workload.data && !workload.data.individual_source && (
        <p className="alert">{t('activities.workload.noTimeline')}</p>
      )}
      {workload.data && workload.data.by_csw.length === 0 && (
        <p className="muted">{t('activities.workload.empty')}</p>
      )}
      {workload.data && workload.data.by_csw.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>{t('activities.workload.byCsw')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('activities.workload.csw')}</th>
                <th scope="col" className="num">{t('activities.workload.individual')}</th>
                <th scope="col" className="num">{t('activities.workload.community')}</th>
                <th scope="col" className="num">{t('activities.workload.ratio')}</th>
              </tr>
            </thead>
            <tbody>
              {workload.data.by_csw.map((row) => (
                <tr key={row.csw}>
                  <th scope="row">
                    <StaffName username={row.csw} />
                  </th>
                  <td className="num">{hours(row.individual_minutes)}</td>
                  <td className="num">{hours(row.community_minutes)}</td>
                  <td className="num">
                    <span className="activities-ratio">
                      <span
                        className="activities-bar"
                        aria-hidden="true"
                        style={{ width: `${((row.community_ratio ?? 0) * 4).toFixed(2)}rem` }}
                      />
                      {percent(row.community_ratio)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {workload.data && workload.data.by_area.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>{t('activities.workload.byArea')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('activities.fields.area')}</th>
                <th scope="col" className="num">{t('activities.workload.individual')}</th>
                <th scope="col" className="num">{t('activities.workload.community')}</th>
                <th scope="col" className="num">{t('activities.workload.ratio')}</th>
              </tr>
            </thead>
            <tbody>
              {workload.data.by_area.map((row) => (
                <tr key={row.area}>
                  <th scope="row">{areaName(row.area)}</th>
                  <td className="num">{hours(row.individual_minutes)}</td>
                  <td className="num">{hours(row.community_minutes)}</td>
                  <td className="num">{percent(row.community_ratio)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
