import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime, formatWareki } from '@/shared/utils/datetime';
import { useAreas } from '../api/get-areas';
import { useConsultations } from '../api/get-consultations';

export function ConsultationsList() {
  const { t } = useTranslation();
  const filterId = useId();
  const [area, setArea] = useState('');
  const areas = useAreas();
  const consultations = useConsultations({ area: area || undefined });

  const areaName = (code: string) =>
    code === 'unassigned'
      ? t('consultations.unassigned')
      : (areas.data?.find((a) => a.code === code)?.name ?? code);

  return (
    <section aria-busy={consultations.isPending}>
      <div className="toolbar">
        <div className="field inline">
          <label htmlFor={filterId}>{t('consultations.filterArea')}</label>
          <select id={filterId} value={area} onChange={(e) => setArea(e.target.value)}>
            <option value="">{t('consultations.allAreas')}</option>
            {areas.data?.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        {consultations.data && (
          <p className="muted">{t('consultations.total', { count: consultations.data.total })}</p>
        )}
      </div>

      {consultations.isPending && <p>{t('app.loading')}</p>}
      {consultations.isError && (
        <p role="alert" className="alert">
          {t('consultations.loadError')}
        </p>
      )}
      {consultations.data?.items.length === 0 && (
        <p className="empty">{t('consultations.empty')}</p>
      )}
      {consultations.data && consultations.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('consultations.columns.receivedAt')}</th>
                <th scope="col">{t('consultations.columns.channel')}</th>
                <th scope="col">{t('consultations.columns.area')}</th>
                <th scope="col">{t('consultations.columns.person')}</th>
                <th scope="col">{t('consultations.columns.summary')}</th>
                <th scope="col">{t('consultations.columns.urgent')}</th>
                <th scope="col">{t('consultations.columns.status')}</th>
              </tr>
            </thead>
            <tbody>
              {consultations.data.items.map((c) => (
                <tr key={c.id} className={c.urgent ? 'urgent-row' : undefined}>
                  <td className="nowrap">
                    <time dateTime={c.received_at}>{formatDateTime(c.received_at)}</time>
                    <span className="wareki" lang="ja">
                      {formatWareki(c.received_at)}
                    </span>
                  </td>
                  <td>{t(`channel.${c.channel}`)}</td>
                  <td>{areaName(c.area)}</td>
                  <td>
                    {personLabel(c.person_name) ?? personLabel(c.person_kana) ?? (
                      <span className="muted">{t('staff.unnamedPerson')}</span>
                    )}
                  </td>
                  <td className="summary">
                    <Link to={`/consultations/${c.id}`} title={c.summary}>
                      {c.summary}
                    </Link>
                  </td>
                  <td>
                    {c.urgent && <span className="badge urgent">{t('consultations.urgentBadge')}</span>}
                    {c.follow_up_pending_since && (
                      <span className="badge reporter">{t('consultations.followUpBadge')}</span>
                    )}
                  </td>
                  <td className="nowrap">{t(`consultations.status.${c.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A person's name as the list shows it; none when unnamed (an id standing in for the name is no name). */
function personLabel(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed && !UUID.test(trimmed) ? trimmed : null;
}
