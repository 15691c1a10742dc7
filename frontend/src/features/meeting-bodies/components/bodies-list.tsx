import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '@/shared/auth/current-user';
import { useBodies } from '../api/bodies';
import { describeRule } from '@/shared/utils/rrule';
import { ProblemAlert } from './problem-alert';

export const MANAGERS = ['admin', 'supervisor'];

/** Every meeting body (会議体) with its defaults and the user's own membership. */
export function BodiesList() {
  const { t } = useTranslation();
  const id = useId();
  const me = useCurrentUser();
  const [includeInactive, setIncludeInactive] = useState(false);
  const bodies = useBodies(includeInactive);
  const manager = MANAGERS.includes(me.data?.role ?? '');

  return (
    <>
      <div className="page-head">
        <h1>{t('meetingBodies.title')}</h1>
        {manager && (
          <Link to="/meeting-bodies/new" className="button primary">
            {t('meetingBodies.new')}
          </Link>
        )}
      </div>
      {me.data && !manager && <p className="hint">{t('meetingBodies.readOnly')}</p>}
      <div className="toolbar">
        <div className="meetings-check-inline">
          <input
            id={`${id}-inactive`}
            type="checkbox"
            checked={includeInactive}
            onChange={(e) => setIncludeInactive(e.target.checked)}
          />
          <label htmlFor={`${id}-inactive`}>{t('meetingBodies.includeInactive')}</label>
        </div>
      </div>
      <ProblemAlert error={bodies.error} failed={t('meetingBodies.loadError')} />
      {bodies.isPending && <p>{t('app.loading')}</p>}
      {bodies.data && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('meetingBodies.columns.name')}</th>
                <th scope="col">{t('meetingBodies.columns.type')}</th>
                <th scope="col">{t('meetingBodies.columns.rule')}</th>
                <th scope="col">{t('meetingBodies.columns.time')}</th>
                <th scope="col">{t('meetingBodies.columns.place')}</th>
                <th scope="col">{t('meetingBodies.columns.me')}</th>
              </tr>
            </thead>
            <tbody>
              {bodies.data.map((b) => (
                <tr key={b.id} className={b.active ? undefined : 'meetings-inactive'}>
                  <td>
                    <Link to={`/meeting-bodies/${b.id}`}>{b.name}</Link>
                    {b.confidential && <span className="badge meetings-badge-confidential">{t('meetingBodies.confidential')}</span>}
                    {!b.active && <span className="tag">{t('meetingBodies.inactive')}</span>}
                  </td>
                  <td>{b.type_label}</td>
                  <td>{describeRule(b.default_rrule, t)}</td>
                  <td className="nowrap">
                    {b.default_start_time ? b.default_start_time.slice(0, 5) : '—'}
                    {b.default_duration_minutes ? t('meetingBodies.minutes', { count: b.default_duration_minutes }) : ''}
                  </td>
                  <td>{b.place ?? '—'}</td>
                  <td>
                    {b.my_membership ? (
                      <>
                        {t(`meetingBodies.role.${b.my_membership.role}`)}
                        {b.confidential && (
                          <span className="meetings-duty-state">
                            {b.my_membership.confidentiality_confirmed_at
                              ? t('meetingBodies.members.confirmed')
                              : t('meetingBodies.members.unconfirmed')}
                          </span>
                        )}
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
