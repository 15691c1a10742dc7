import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/shared/api/errors';
import { useCurrentUser } from '@/shared/auth/current-user';
import { DateField } from '@/shared/ui/date-fields';
import { useInlineValidation } from '@/shared/ui/form-validation';
import { useAreas } from '../api/get-areas';
import { useLogActivity } from '../api/log-activity';
import { StaffPicker } from '@/shared/users/staff-picker';
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
  const v = useInlineValidation();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!v.validate()) return;
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
    <form
      ref={v.formRef}
      className="card form activities-form"
      onSubmit={handleSubmit}
      aria-labelledby="activities-form-title"
      noValidate
    >
      <h2 id="activities-form-title">{t('activities.form.title')}</h2>
      {v.summary}
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
      <div className="field">
        <label id="activities-date-label" htmlFor="activities-date">
          {t('activities.fields.date')}
        </label>
        <DateField
          id="activities-date"
          required
          max={todayInTokyo()}
          value={date}
          onChange={setDate}
          error={v.message('activities-date')}
        />
      </div>
      <div className="activities-row">
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
            {...v.aria('activities-minutes')}
          />
          {v.errorText('activities-minutes')}
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
            {...v.aria('activities-participants')}
          />
          {v.errorText('activities-participants')}
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
          {...v.aria('activities-title')}
        />
        {v.errorText('activities-title')}
      </div>
      {forSomeoneElse && (
        <div className="activities-row">
          <div className="field">
            <StaffPicker
              id="activities-csw"
              label={t('activities.fields.csw')}
              required
              roles={['csw']}
              value={csw}
              onChange={setCsw}
              invalid={v.aria('activities-csw')['aria-invalid']}
              describedBy={v.aria('activities-csw')['aria-describedby']}
            />
            {v.errorText('activities-csw')}
          </div>
          <div className="field">
            <label htmlFor="activities-area">{t('activities.fields.area')}</label>
            <select
              id="activities-area"
              required
              value={area}
              onChange={(e) => setArea(e.target.value)}
              {...v.aria('activities-area')}
            >
              <option value="">{t('activities.choose')}</option>
              {areas.data?.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
            </select>
            {v.errorText('activities-area')}
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
