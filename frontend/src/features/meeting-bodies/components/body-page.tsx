import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '@/shared/api/errors';
import { useCurrentUser } from '@/shared/auth/current-user';
import { useAreas, useBody, useDeactivateBody } from '../api/bodies';
import { describeRule } from '@/shared/utils/rrule';
import { BodyForm } from './body-form';
import { BodyMembers } from './body-members';
import { MANAGERS } from './bodies-list';
import { ProblemAlert } from './problem-alert';

/** One body: its defaults (edited in place) and its members. */
export function BodyPage({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const body = useBody(bodyId);
  const areas = useAreas();
  const [editing, setEditing] = useState(false);
  const [confirmRetire, setConfirmRetire] = useState(false);
  const retire = useDeactivateBody({ onSuccess: () => void navigate('/meeting-bodies') });

  if (body.isPending) return <p>{t('app.loading')}</p>;
  if (body.isError) {
    return (
      <>
        <p className="meetings-back">
          <Link to="/meeting-bodies">{t('meetingBodies.back')}</Link>
        </p>
        {body.error instanceof ApiError && body.error.status === 404 ? (
          <p role="alert" className="alert">
            {t('meetingBodies.notFound')}
          </p>
        ) : (
          <ProblemAlert error={body.error} />
        )}
      </>
    );
  }

  const b = body.data.body;
  const role = me.data?.role ?? '';
  // 支援会議: an admin, or a supervisor who is a member (the server decides; this only hides buttons).
  const canManage = MANAGERS.includes(role) && (!b.confidential || role === 'admin' || Boolean(b.my_membership));

  return (
    <div className="meetings-page">
      <p className="meetings-back">
        <Link to="/meeting-bodies">{t('meetingBodies.back')}</Link>
      </p>
      <div className="page-head">
        <h1>
          {b.name}
          {b.confidential && <span className="badge meetings-badge-confidential">{t('meetingBodies.confidential')}</span>}
          {!b.active && <span className="tag">{t('meetingBodies.inactive')}</span>}
        </h1>
        <Link to={`/meetings?body=${b.id}`} className="button">
          {t('meetingBodies.calendar')}
        </Link>
      </div>
      {editing ? (
        <BodyForm
          current={body.data}
          onSaved={() => setEditing(false)}
          onCancel={() => setEditing(false)}
          onReload={() => {
            void body.refetch();
            setEditing(false);
          }}
        />
      ) : (
        <section className="card meetings-section">
          <dl className="meetings-facts">
            <dt>{t('meetingBodies.form.type')}</dt>
            <dd>{b.type_label}</dd>
            <dt>{t('meetingBodies.form.area')}</dt>
            <dd>{b.area ? (areas.data?.find((a) => a.code === b.area)?.name ?? b.area) : t('meetingBodies.form.citywide')}</dd>
            <dt>{t('meetingBodies.form.rule')}</dt>
            <dd>
              {describeRule(b.default_rrule, t)}
              {b.default_rrule && <code className="meetings-sub">{b.default_rrule}</code>}
            </dd>
            <dt>{t('meetingBodies.form.startTime')}</dt>
            <dd>
              {b.default_start_time ? b.default_start_time.slice(0, 5) : '—'}
              {b.default_duration_minutes ? t('meetingBodies.minutes', { count: b.default_duration_minutes }) : ''}
            </dd>
            <dt>{t('meetingBodies.form.place')}</dt>
            <dd>{b.place ?? '—'}</dd>
          </dl>
          {canManage && b.active && (
            <div className="actions">
              <button type="button" className="button" onClick={() => setEditing(true)}>
                {t('meetingBodies.edit')}
              </button>
              {confirmRetire ? (
                <>
                  <button
                    type="button"
                    className="button meetings-danger"
                    disabled={retire.isPending}
                    onClick={() => retire.mutate({ bodyId: b.id, etag: body.data.etag })}
                  >
                    {t('meetingBodies.retireConfirm')}
                  </button>
                  <button type="button" className="button" onClick={() => setConfirmRetire(false)}>
                    {t('meetingBodies.form.cancel')}
                  </button>
                </>
              ) : (
                <button type="button" className="button" onClick={() => setConfirmRetire(true)}>
                  {t('meetingBodies.retire')}
                </button>
              )}
            </div>
          )}
          {confirmRetire && <p className="hint">{t('meetingBodies.retireHint')}</p>}
          <ProblemAlert error={retire.error} onReload={() => void body.refetch()} />
        </section>
      )}
      <BodyMembers body={b} canManage={canManage && b.active} />
    </div>
  );
}
