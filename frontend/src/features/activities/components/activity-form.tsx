import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/shared/api/errors';
import { useCurrentUser } from '@/shared/auth/current-user';
import { useAreas } from '../api/get-areas';
import { useLogActivity } from '../api/log-activity';
import { activityKinds, type ActivityKind } from '../api/types';

function todayInTokyo(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
}

/** Log one community activity (地域づくり活動); a supervisor names the CSW and area. */
export function ActivityForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const areas = useAreas();
  const forSomeoneElse = me.data?.role !== 'csw';
  const [date, setDate] = useState(todayInTokyo);
  const [kind, setKind] = useState<ActivityKind>('small_area');
  const [minutes, setMinutes] = useState('60');
  const [title, setTitle] = useState('');
  const [participants, setParticipants] = useState('');
  const [note, setNote] = useState('');
  const [csw, setCsw] = useState('');
  const [area, setArea] = useState('');
  const log = useLogActivity({ onSuccess: onDone });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    log.mutate({
      date,
      kind,
      minutes_spent: Number(minutes),
      title: title.trim(),
      participants: participants === '' ? null : Number(participants),
      note: note.trim() || null,
      ...(forSomeoneElse ? { csw: csw.trim(), area } : {}),
    });
  }

  const error = log.error instanceof ApiError ? log.error : null;
  const fieldErrors = error?.problem?.errors ?? [];

  return (
    <form className="card form activities-form" onSubmit={handleSubmit} aria-labelledby="activities-form-title">
      <h2 id="activities-form-title">{t('activities.form.title')}</h2>
      {log.error && (
        <div role="alert" className="alert">
          <p>{error?.status === 422 ? t('activities.form.invalid') : t('activities.form.failed')}</p>
          {error?.problem?.title && <p>{error.problem.title}</p>}
          {fieldErrors.length > 0 && (
            <ul>
              {fieldErrors.map((e, i) => (
                <li key={i}>
                  {String(e.loc.at(-1))}: {e.msg}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="activities-row">
        <div className="field">
          <label htmlFor="activities-date">{t('activities.fields.date')}</label>
          <input
            id="activities-date"
            type="date"
            required
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="activities-kind">{t('activities.fields.kind')}</label>
          <select id="activities-kind" value={kind} onChange={(e) => setKind(e.target.value as ActivityKind)}>
            {activityKinds.map((k) => (
              <option key={k} value={k}>
                {t(`activities.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="activities-minutes">{t('activities.fields.minutes')}</label>
          <input
            id="activities-minutes"
            type="number"
            inputMode="numeric"
            min={1}
            max={1440}
            required
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="activities-participants">{t('activities.fields.participants')}</label>
          <input
            id="activities-participants"
            type="number"
            inputMode="numeric"
            min={0}
            max={100000}
            value={participants}
            onChange={(e) => setParticipants(e.target.value)}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor="activities-title">{t('activities.fields.title')}</label>
        <input
          id="activities-title"
          required
          maxLength={400}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      {forSomeoneElse && (
        <div className="activities-row">
          <div className="field">
            <label htmlFor="activities-csw">{t('activities.fields.csw')}</label>
            <input
              id="activities-csw"
              required
              maxLength={100}
              autoComplete="off"
              value={csw}
              onChange={(e) => setCsw(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="activities-area">{t('activities.fields.area')}</label>
            <select id="activities-area" required value={area} onChange={(e) => setArea(e.target.value)}>
              <option value="">{t('activities.choose')}</option>
              {areas.data?.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <div className="field">
        <label htmlFor="activities-note">{t('activities.fields.note')}</label>
        <textarea
          id="activities-note"
          rows={3}
          maxLength={8000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={log.isPending}>
          {t('activities.form.submit')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('activities.cancel')}
        </button>
      </div>
    </form>
  );
}
