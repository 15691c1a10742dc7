import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { StaffName } from '@/shared/users/staff-name';
import { useStaffNames } from '@/shared/users/names';
import { useAgenda } from '../api/agenda';
import { useBody } from '../api/get-bodies';
import { useMeeting } from '../api/get-meeting';
import { meetingKeys } from '../api/keys';
import { useMinutes } from '../api/minutes';
import { isStatus, unconfirmedBodyOf } from '../utils/problems';
import { tokyoParts, wareki, WEEKDAYS_JA, startLabelJa } from '../utils/tokyo';
import { ConfidentialityConfirm } from './confidentiality-confirm';
import { MinutesDocument } from './minutes-document';
import { ProblemAlert } from './problem-alert';

/** The 会議録 for A4 paper: the facts, the minutes, the 確定 stamp; 支援会議 marked 取扱注意. */
export function MinutesPrint({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const meeting = useMeeting(meetingId);
  const minutes = useMinutes(meetingId);
  const agenda = useAgenda(meetingId);
  const body = useBody(meeting.data?.meeting.body_id);
  const m = meeting.data?.meeting;
  const staffName = useStaffNames([minutes.data?.minutes.updated_by, minutes.data?.minutes.finalised_by]);

  useEffect(() => {
    if (m) document.title = `${t('meetings.print.documentTitle')} ${m.title} ${tokyoParts(m.starts_at).day}`;
    return () => {
      document.title = t('app.name');
    };
  }, [m, t]);

  const error = meeting.error ?? minutes.error ?? agenda.error;
  if (error) {
    const bodyId = unconfirmedBodyOf(error);
    return (
      <main className="meetings-print">
        {bodyId !== null ? (
          <ConfidentialityConfirm
            bodyId={bodyId}
            onConfirmed={() => void queryClient.invalidateQueries({ queryKey: meetingKeys.all(meetingId) })}
          />
        ) : isStatus(error, 404) ? (
          <p role="alert" className="alert">
            {t('meetings.page.notFound')}
          </p>
        ) : (
          <ProblemAlert error={error} failed={t('meetings.page.loadError')} />
        )}
      </main>
    );
  }
  if (!m || !minutes.data || !agenda.data) return <p>{t('app.loading')}</p>;

  const mins = minutes.data.minutes;
  const final = mins.status === 'final';
  const start = tokyoParts(m.starts_at);
  const end = tokyoParts(m.ends_at);
  const dateLine = `${wareki(m.starts_at)}（${WEEKDAYS_JA[start.weekday]}） ${start.time}${t('meetings.timeRangeSeparator')}${end.time}`;

  return (
    <main className={`meetings-print${m.confidential ? ' confidential' : ''}`}>
      <div className="meetings-print-tools">
        <button type="button" className="button primary" onClick={() => window.print()}>
          {t('meetings.print.print')}
        </button>
        <Link to={`/meetings/${m.id}`} className="button">
          {t('meetings.print.back')}
        </Link>
        {!final && <p className="hint">{t('meetings.print.draftHint')}</p>}
      </div>
      <article className="meetings-print-page" aria-labelledby="print-title">
        {m.confidential && <p className="meetings-print-secret">{t('meetings.print.secret')}</p>}
        <header className="meetings-print-head">
          <div>
            <h1 id="print-title">{t('meetings.print.documentTitle')}</h1>
            <p className="meetings-print-body">{body.data?.name ?? m.body_type_label}</p>
          </div>
          {final ? (
            <div className="meetings-stamp" role="img" aria-label={t('meetings.print.stampAria', { when: mins.finalised_at ? startLabelJa(mins.finalised_at) : '' })}>
              <span className="meetings-stamp-word">{t('meetings.print.stamp')}</span>
              {mins.finalised_at && (
                <span className="meetings-stamp-time">
                  {tokyoParts(mins.finalised_at).day.replaceAll('-', '.')}
                  <br />
                  {tokyoParts(mins.finalised_at).time}
                </span>
              )}
            </div>
          ) : (
            <div className="meetings-draft-mark">{t('meetings.print.draft')}</div>
          )}
        </header>
        <table className="meetings-print-facts">
          <tbody>
            <tr>
              <th scope="row">{t('meetings.print.body')}</th>
              <td>
                {body.data?.name ?? m.body_type_label}
                {body.data && body.data.name !== m.body_type_label && `（${m.body_type_label}）`}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('meetings.form.title')}</th>
              <td>{m.title}</td>
            </tr>
            <tr>
              <th scope="row">{t('meetings.page.when')}</th>
              <td>
                {dateLine}
                <span className="meetings-print-iso">（{start.day}）</span>
                {m.status === 'cancelled' && <strong>　{t('meetings.status.cancelled')}</strong>}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('meetings.form.place')}</th>
              <td>
                {m.place ?? '—'}
                {m.online_url && `／${t('meetings.print.online')}`}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('meetings.page.organiser')}</th>
              <td>
                <StaffName username={m.organiser} />
              </td>
            </tr>
          </tbody>
        </table>
        <MinutesDocument meeting={m} minutes={mins} agenda={agenda.data} headingLevel={2} />
        <footer className="meetings-print-foot">
          {mins.updated_by && (
            <p>{t('meetings.print.writtenBy', { by: staffName(mins.updated_by), when: mins.updated_at ? startLabelJa(mins.updated_at) : '' })}</p>
          )}
          {final && mins.finalised_by && (
            <p>{t('meetings.print.finalisedBy', { by: staffName(mins.finalised_by), when: mins.finalised_at ? startLabelJa(mins.finalised_at) : '' })}</p>
          )}
          {m.confidential && <p className="meetings-print-duty">{t('meetings.print.duty')}</p>}
        </footer>
      </article>
      {m.confidential && (
        // Every printed page carries the mark: a fixed element repeats on each page in print. (Not an
        // inline <style>: the Content-Security-Policy allows the app's own style sheets only.)
        <div className="meetings-print-running" aria-hidden="true">
          {t('meetings.print.secret')}
        </div>
      )}
    </main>
  );
}
