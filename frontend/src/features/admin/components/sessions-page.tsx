import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/shared/api/errors';
import { ProblemAlert } from '@/shared/ui/problem-alert';
import { formatDateTime } from '@/shared/utils/datetime';
import { StaffPicker } from '@/shared/users/staff-picker';
import { useStaffNames } from '@/shared/users/names';
import { type LoginSession, useEndSession, useSessions } from '../api/sessions';

const REASONS = ['logout', 'revoked', 'reused', 'user_inactive'] as const;

function isReason(value: string | null | undefined): value is (typeof REASONS)[number] {
  return REASONS.includes(value as (typeof REASONS)[number]);
}

/** ログイン中の端末: an administrator looks up a staff member's sessions and ends them. */
export function SessionsPage() {
  const { t } = useTranslation();
  const inputId = useId();
  const [draft, setDraft] = useState('');
  const [username, setUsername] = useState('');
  const [includeEnded, setIncludeEnded] = useState(false);
  const [missing, setMissing] = useState(false);
  const sessions = useSessions(username, includeEnded);
  const staffName = useStaffNames([sessions.data?.username]);

  function lookUp(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissing(!draft.trim());
    setUsername(draft.trim());
  }

  const notFound = sessions.error instanceof ApiError && sessions.error.status === 404;
  return (
    <div className="admin-sessions">
      <h1>{t('admin.sessions.title')}</h1>
      <p className="muted">{t('admin.sessions.help')}</p>
      <form className="card form admin-sessions-form" onSubmit={lookUp} noValidate>
        <StaffPicker
          id={inputId}
          label={t('admin.sessions.username')}
          value={draft}
          invalid={missing}
          describedBy={missing ? `${inputId}-error` : undefined}
          onChange={setDraft}
        />
        {missing && (
          <p id={`${inputId}-error`} className="field-error">
            {t('admin.sessions.usernameRequired')}
          </p>
        )}
        <label className="checkbox">
          <input type="checkbox" checked={includeEnded} onChange={(event) => setIncludeEnded(event.target.checked)} />
          {t('admin.sessions.includeEnded')}
        </label>
        <button type="submit" className="button primary">
          {t('admin.sessions.lookUp')}
        </button>
      </form>
      {notFound && (
        <p role="alert" className="alert">
          {t('admin.sessions.noSuchUser', { username })}
        </p>
      )}
      {sessions.data && (
        <section className="card" aria-labelledby="admin-sessions-list">
          <h2 id="admin-sessions-list">{t('admin.sessions.of', { username: staffName(sessions.data.username) })}</h2>
          {sessions.data.items.length === 0 ? (
            <p className="muted">{t('admin.sessions.none')}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.sessions.signedIn')}</th>
                  <th scope="col">{t('admin.sessions.lastUsed')}</th>
                  <th scope="col">{t('admin.sessions.browser')}</th>
                  <th scope="col">{t('admin.sessions.state')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('admin.sessions.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sessions.data.items.map((item) => (
                  <SessionRow key={item.id} item={item} />
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}

function SessionRow({ item }: { item: LoginSession }) {
  const { t } = useTranslation();
  const end = useEndSession();
  const staffName = useStaffNames([item.ended_by]);
  const state = item.ended_at
    ? t(`admin.sessions.reasons.${isReason(item.end_reason) ? item.end_reason : 'other'}`, {
        by: staffName(item.ended_by),
      })
    : t('admin.sessions.open');
  return (
    <tr>
      <td>
        <time dateTime={item.created_at}>{formatDateTime(item.created_at)}</time>
      </td>
      <td>
        <time dateTime={item.last_used_at}>{formatDateTime(item.last_used_at)}</time>
      </td>
      <td className="admin-sessions-agent">{item.user_agent ?? '—'}</td>
      <td>{state}</td>
      <td>
        {!item.ended_at && (
          <button type="button" className="button" disabled={end.isPending} onClick={() => end.mutate(item.id)}>
            {t('admin.sessions.end')}
          </button>
        )}
        {end.isError && (
          <ProblemAlert
            error={end.error}
            messages={{
              stale: t('admin.sessions.failed'),
              reload: t('admin.sessions.lookUp'),
              failed: t('admin.sessions.failed'),
              invalid: t('admin.sessions.failed'),
              forbidden: t('admin.sessions.forbidden'),
              network: t('admin.sessions.failed'),
            }}
          />
        )}
      </td>
    </tr>
  );
}
