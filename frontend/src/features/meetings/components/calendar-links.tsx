import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDownloadIcs, useIssueFeedToken, useRevokeFeedToken } from '../api/calendar-export';
import type { Meeting } from '../api/types';
import { CopyButton } from './copy-button';
import { ProblemAlert } from './problem-alert';

/** The meeting's .ics, and the user's personal calendar feed (created, rotated, revoked here). */
export function CalendarLinks({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const id = useId();
  const download = useDownloadIcs();
  const issue = useIssueFeedToken();
  const revoke = useRevokeFeedToken();
  const [revoked, setRevoked] = useState(false);
  const feedUrl = !revoked ? issue.data?.url : undefined;

  return (
    <section id="meeting-calendar" className="card meetings-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('meetings.calendarExport.title')}</h2>
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={download.isPending}
          onClick={() => download.mutate(meeting.id)}
        >
          {t('meetings.calendarExport.download')}
        </button>
      </div>
      <p className="hint">{t('meetings.calendarExport.downloadHint')}</p>
      <ProblemAlert error={download.error} failed={t('meetings.calendarExport.downloadFailed')} />

      <h3>{t('meetings.feed.title')}</h3>
      <p className="hint">{t('meetings.feed.hint')}</p>
      {feedUrl && (
        <div className="meetings-feed" role="status">
          <p>{t('meetings.feed.created')}</p>
          <label htmlFor={`${id}-url`}>{t('meetings.feed.url')}</label>
          <div className="meetings-copy-row">
            <input id={`${id}-url`} readOnly value={feedUrl} onFocus={(e) => e.target.select()} spellCheck={false} />
            <CopyButton text={feedUrl} label={t('meetings.feed.copy')} />
          </div>
          <p className="hint">{t('meetings.feed.secret')}</p>
        </div>
      )}
      {revoked && revoke.isSuccess && <p role="status">{t('meetings.feed.revoked')}</p>}
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={issue.isPending}
          onClick={() => {
            setRevoked(false);
            issue.mutate();
          }}
        >
          {issue.data && !revoked ? t('meetings.feed.rotate') : t('meetings.feed.issue')}
        </button>
        <button
          type="button"
          className="button"
          disabled={revoke.isPending}
          onClick={() => revoke.mutate(undefined, { onSuccess: () => setRevoked(true) })}
        >
          {t('meetings.feed.revoke')}
        </button>
      </div>
      <p className="hint">{t('meetings.feed.rotateHint')}</p>
      <ProblemAlert error={issue.error ?? revoke.error} failed={t('meetings.feed.failed')} />
    </section>
  );
}
