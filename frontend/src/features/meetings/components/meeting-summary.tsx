import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField, TimeField } from '@/shared/ui/date-fields';
import { useInlineValidation } from '@/shared/ui/form-validation';
import { StaffName } from '@/shared/users/staff-name';
import { useStaffNames } from '@/shared/users/names';
import { useCancelMeeting, useUpdateMeeting } from '../api/change-meeting';
import type { MeetingWithEtag } from '../api/get-meeting';
import type { MeetingUpdate } from '../api/types';
import { clashesOf } from '../utils/problems';
import { tokyoIso, tokyoParts } from '../utils/tokyo';
import { ClashWarning } from './clash-warning';
import { MeetingTime } from './meeting-time';
import { ProblemAlert } from './problem-alert';
import { SeriesActions } from './series-actions';

type Props = { data: MeetingWithEtag; onReload: () => void };

/** The meeting's facts, and rescheduling or cancelling it. */
export function MeetingSummary({ data, onReload }: Props) {
  const { t } = useTranslation();
  const { meeting } = data;
  const staffName = useStaffNames(meeting.participants);
  const [mode, setMode] = useState<'view' | 'reschedule' | 'cancel'>('view');
  const cancelled = meeting.status === 'cancelled';

  return (
    <section className="card meetings-summary" aria-labelledby="meeting-title">
      <div className="meetings-summary-head">
        <h1 id="meeting-title">
          {cancelled ? <s>{meeting.title}</s> : meeting.title}
          {cancelled && <span className="badge meetings-badge-cancelled">{t('meetings.status.cancelled')}</span>}
          {meeting.confidential && <span className="badge meetings-badge-confidential">{t('meetings.confidentialShort')}</span>}
        </h1>
        <p className="muted">{meeting.body_type_label}</p>
      </div>
      <dl className="meetings-facts">
        <dt>{t('meetings.page.when')}</dt>
        <dd>
          <MeetingTime startsAt={meeting.starts_at} endsAt={meeting.ends_at} withWareki />
        </dd>
        <dt>{t('meetings.form.place')}</dt>
        <dd>{meeting.place ?? <span className="muted">{t('meetings.page.none')}</span>}</dd>
        {meeting.online_url && (
          <>
            <dt>{t('meetings.form.onlineUrl')}</dt>
            <dd>
              <a href={meeting.online_url} target="_blank" rel="noopener noreferrer">
                {meeting.online_url}
              </a>
            </dd>
          </>
        )}
        <dt>{t('meetings.page.organiser')}</dt>
        <dd>
          <StaffName username={meeting.organiser} />
        </dd>
        <dt>{t('meetings.form.participants')}</dt>
        <dd>{meeting.participants.length > 0 ? meeting.participants.map(staffName).join('、') : <span className="muted">{t('meetings.page.none')}</span>}</dd>
        {meeting.series_id && (
          <>
            <dt>{t('meetings.page.series')}</dt>
            <dd>{t('meetings.page.seriesText')}</dd>
          </>
        )}
        {cancelled && (
          <>
            <dt>{t('meetings.cancel.reason')}</dt>
            <dd>{meeting.cancel_reason}</dd>
          </>
        )}
      </dl>

      {!cancelled && mode === 'view' && (
        <div className="actions">
          <button type="button" className="button" onClick={() => setMode('reschedule')}>
            {t('meetings.reschedule.open')}
          </button>
          <button type="button" className="button" onClick={() => setMode('cancel')}>
            {t('meetings.cancel.open')}
          </button>
        </div>
      )}
      {!cancelled && mode === 'view' && meeting.series_id && <SeriesActions meeting={meeting} onReload={onReload} />}
      {mode === 'reschedule' && <RescheduleForm data={data} onDone={() => setMode('view')} onReload={onReload} />}
      {mode === 'cancel' && <CancelForm data={data} onDone={() => setMode('view')} onReload={onReload} />}
    </section>
  );
}

function RescheduleForm({ data, onDone, onReload }: { data: MeetingWithEtag; onDone: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const { meeting, etag } = data;
  const start = tokyoParts(meeting.starts_at);
  const end = tokyoParts(meeting.ends_at);
  const [title, setTitle] = useState(meeting.title);
  const [day, setDay] = useState(start.day);
  const [startTime, setStartTime] = useState(start.time);
  const [endTime, setEndTime] = useState(end.time);
  const [place, setPlace] = useState(meeting.place ?? '');
  const [onlineUrl, setOnlineUrl] = useState(meeting.online_url ?? '');
  const [last, setLast] = useState<MeetingUpdate | null>(null);
  const update = useUpdateMeeting({ onSuccess: onDone });
  const clashes = clashesOf(update.error);
  const v = useInlineValidation();

  function changes(): MeetingUpdate {
    const body: MeetingUpdate = {};
    if (title.trim() !== meeting.title) body.title = title.trim();
    const startsAt = tokyoIso(day, startTime);
    const endsAt = tokyoIso(end.day === start.day ? day : end.day, endTime);
    if (new Date(startsAt).getTime() !== new Date(meeting.starts_at).getTime()) body.starts_at = startsAt;
    if (new Date(endsAt).getTime() !== new Date(meeting.ends_at).getTime()) body.ends_at = endsAt;
    if ((place.trim() || null) !== meeting.place) body.place = place.trim() || null;
    if ((onlineUrl.trim() || null) !== meeting.online_url) body.online_url = onlineUrl.trim() || null;
    return body;
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!v.validate()) return;
    const body = changes();
    setLast(body);
    update.mutate({ meetingId: meeting.id, etag, body });
  }

  return (
    <form
      ref={v.formRef}
      className="form meetings-inline-form"
      onSubmit={handleSubmit}
      aria-labelledby={`${id}-h`}
      noValidate
    >
      <h2 id={`${id}-h`}>{t('meetings.reschedule.title')}</h2>
      <p className="hint">{t('meetings.reschedule.hint')}</p>
      {v.summary}
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('meetings.form.title')}</label>
        <input
          id={`${id}-title`}
          value={title}
          required
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
          {...v.aria(`${id}-title`)}
        />
        {v.errorText(`${id}-title`)}
      </div>
      <div className="meetings-row">
        <div className="field">
          <label id={`${id}-date-label`} htmlFor={`${id}-date`}>
            {t('meetings.form.date')}
          </label>
          <DateField id={`${id}-date`} required value={day} onChange={setDay} error={v.message(`${id}-date`)} />
        </div>
        <div className="field">
          <label id={`${id}-start-label`} htmlFor={`${id}-start`}>
            {t('meetings.form.start')}
          </label>
          <TimeField
            id={`${id}-start`}
            required
            value={startTime}
            onChange={setStartTime}
            error={v.message(`${id}-start`)}
          />
        </div>
        <div className="field">
          <label id={`${id}-end-label`} htmlFor={`${id}-end`}>
            {t('meetings.form.end')}
          </label>
          <TimeField id={`${id}-end`} required value={endTime} onChange={setEndTime} error={v.message(`${id}-end`)} />
        </div>
      </div>
      <div className="meetings-row">
        <div className="field">
          <label htmlFor={`${id}-place`}>{t('meetings.form.place')}</label>
          <input id={`${id}-place`} value={place} maxLength={200} onChange={(e) => setPlace(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-url`}>{t('meetings.form.onlineUrl')}</label>
          <input
            id={`${id}-url`}
            type="url"
            value={onlineUrl}
            onChange={(e) => setOnlineUrl(e.target.value)}
            {...v.aria(`${id}-url`)}
          />
          {v.errorText(`${id}-url`)}
        </div>
      </div>
      {clashes ? (
        <ClashWarning
          clashes={clashes}
          pending={update.isPending}
          onConfirm={() => last && update.mutate({ meetingId: meeting.id, etag, body: { ...last, confirm_clash: true } })}
          onDismiss={() => update.reset()}
        />
      ) : (
        <ProblemAlert
          error={update.error}
          failed={t('meetings.reschedule.failed')}
          onReload={() => {
            update.reset();
            onReload();
            onDone();
          }}
        />
      )}
      <div className="actions">
        <button type="submit" className="button primary" disabled={update.isPending || Boolean(clashes)}>
          {t('meetings.reschedule.submit')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('meetings.reschedule.back')}
        </button>
      </div>
    </form>
  );
}

function CancelForm({ data, onDone, onReload }: { data: MeetingWithEtag; onDone: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const cancel = useCancelMeeting({ onSuccess: onDone });
  const v = useInlineValidation();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!v.validate()) return;
    cancel.mutate({ meetingId: data.meeting.id, etag: data.etag, reason: reason.trim() });
  }

  return (
    <form
      ref={v.formRef}
      className="form meetings-inline-form"
      onSubmit={handleSubmit}
      aria-labelledby={`${id}-h`}
      noValidate
    >
      <h2 id={`${id}-h`}>{t('meetings.cancel.title')}</h2>
      <p className="hint">{t('meetings.cancel.hint')}</p>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('meetings.cancel.reason')}</label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          required
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          {...v.aria(`${id}-reason`)}
        />
        {v.errorText(`${id}-reason`)}
      </div>
      <ProblemAlert
        error={cancel.error}
        failed={t('meetings.cancel.failed')}
        onReload={() => {
          cancel.reset();
          onReload();
        }}
      />
      <div className="actions">
        <button type="submit" className="button meetings-danger" disabled={cancel.isPending}>
          {t('meetings.cancel.submit')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('meetings.cancel.back')}
        </button>
      </div>
    </form>
  );
}
