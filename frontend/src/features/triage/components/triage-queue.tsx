import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '@/shared/auth/current-user';
import { formatDateTime } from '@/shared/utils/datetime';
import { useAreas } from '../api/get-areas';
import { useFollowUps } from '../api/get-follow-ups';
import { useTriageQueue, type QueueItem } from '../api/get-triage-queue';
import { ageOf, useNow } from '../utils/age';

const UNASSIGNED = 'unassigned';

/** 振り分け待ち: open consultations, urgent first and then oldest, for the user's areas. */
export function TriageQueue() {
  const { t } = useTranslation();
  const filterId = useId();
  const me = useCurrentUser();
  const areas = useAreas();
  const [area, setArea] = useState('');
  const queue = useTriageQueue({ area: area || undefined });
  const now = useNow();
  const seesAllAreas = me.data?.role === 'supervisor' || me.data?.role === 'admin';

  const areaName = (code: string) =>
    code === UNASSIGNED
      ? t('triage.unassigned')
      : (areas.data?.find((a) => a.code === code)?.name ?? code);

  return (
    <section aria-busy={queue.isPending}>
      <div className="toolbar">
        <div className="field inline">
          <label htmlFor={filterId}>{t('triage.filterArea')}</label>
          <select id={filterId} value={area} onChange={(e) => setArea(e.target.value)}>
            <option value="">{seesAllAreas ? t('triage.allAreas') : t('triage.myAreas')}</option>
            {areas.data
              ?.filter((a) => seesAllAreas || a.code === me.data?.area)
              .map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
            <option value={UNASSIGNED}>{t('triage.unassigned')}</option>
          </select>
        </div>
        {queue.data && (
          <p className="muted" role="status">
            {t('triage.total', { count: queue.data.total })}
          </p>
        )}
      </div>

      {queue.isPending && <p>{t('app.loading')}</p>}
      {queue.isError && (
        <p role="alert" className="alert">
          {t('triage.loadError')}
        </p>
      )}
      {queue.data?.items.length === 0 && <p className="empty">{t('triage.empty')}</p>}
      {queue.data && queue.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="triage-table" aria-label={t('triage.caption')}>
            <thead>
              <tr>
                <th scope="col">{t('triage.columns.age')}</th>
                <th scope="col">{t('triage.columns.urgent')}</th>
                <th scope="col">{t('triage.columns.channel')}</th>
                <th scope="col">{t('triage.columns.area')}</th>
                <th scope="col">{t('triage.columns.content')}</th>
                <th scope="col">{t('triage.columns.followUps')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.data.items.map((c) => (
                <QueueRow key={c.id} c={c} now={now} areaName={areaName(c.area)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function QueueRow({ c, now, areaName }: { c: QueueItem; now: number; areaName: string }) {
  const { t } = useTranslation();
  const age = ageOf(c.received_at, now);
  const person = c.person_name ?? c.person_kana;
  return (
    <tr className={c.urgent ? 'urgent-row' : undefined}>
      <td className="nowrap">
        <span className="triage-age">{t(`triage.age.${age.unit}`, { count: age.count })}</span>
        <time dateTime={c.received_at} className="wareki">
          {formatDateTime(c.received_at)}
        </time>
      </td>
      <td>{c.urgent && <span className="badge urgent">{t('triage.urgent')}</span>}</td>
      <td className="nowrap">{t(`channel.${c.channel}`)}</td>
      <td className="nowrap">
        {c.area === UNASSIGNED ? <span className="badge unassigned">{areaName}</span> : areaName}
      </td>
      <td className="triage-content">
        <Link to={`/consultations/${c.id}`}>
          <span className="triage-person">{person ?? t('triage.unknownPerson')}</span>
          <span className="triage-summary">{c.summary}</span>
        </Link>
      </td>
      <td className="nowrap">
        <FollowUpCell id={c.id} anonymous={c.channel === 'anonymous'} />
      </td>
    </tr>
  );
}

function FollowUpCell({ id, anonymous }: { id: string; anonymous: boolean }) {
  const { t } = useTranslation();
  // Only anonymous reports receive follow-ups; the others need no request.
  const followUps = useFollowUps(id, anonymous);
  const count = followUps.data?.length ?? 0;
  if (!anonymous || count === 0) return <span className="muted">{t('triage.noFollowUps')}</span>;
  return <span className="badge follow-up">{t('triage.followUps', { count })}</span>;
}
