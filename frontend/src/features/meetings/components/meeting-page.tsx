import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMeeting } from '../api/get-meeting';
import { meetingKeys } from '../api/keys';
import { useMinutes } from '../api/minutes';
import { isStatus, unconfirmedBodyOf } from '../utils/problems';
import { AgendaSection } from './agenda-section';
import { CalendarLinks } from './calendar-links';
import { ConfidentialityConfirm } from './confidentiality-confirm';
import { DecisionsSection } from './decisions-section';
import { HistorySection } from './history-section';
import { MeetingSummary } from './meeting-summary';
import { MinutesSection } from './minutes-section';
import { ProblemAlert } from './problem-alert';

/** One meeting: details, calendar, agenda, minutes and decisions. */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const meeting = useMeeting(meetingId);
  const minutes = useMinutes(meetingId);

  useEffect(() => {
    if (meeting.data) document.title = `${meeting.data.meeting.title} | ${t('app.name')}`;
    return () => {
      document.title = t('app.name');
    };
  }, [meeting.data, t]);

  if (meeting.isPending) return <p>{t('app.loading')}</p>;
  if (meeting.isError) {
    const bodyId = unconfirmedBodyOf(meeting.error);
    if (bodyId !== null) {
      return (
        <>
          <BackLink />
          <ConfidentialityConfirm
            bodyId={bodyId}
            onConfirmed={() => void queryClient.invalidateQueries({ queryKey: meetingKeys.all(meetingId) })}
          />
        </>
      );
    }
    return (
      <>
        <BackLink />
        {isStatus(meeting.error, 404) ? (
          <p role="alert" className="alert">
            {t('meetings.page.notFound')}
          </p>
        ) : (
          <ProblemAlert error={meeting.error} failed={t('meetings.page.loadError')} />
        )}
      </>
    );
  }

  const { meeting: m } = meeting.data;
  const minutesFinal = minutes.data?.minutes.status === 'final';
  return (
    <div className="meetings-page">
      <BackLink />
      {m.confidential && (
        <p className="meetings-confidential-banner" role="note">
          {t('meetings.page.confidentialBanner')}
        </p>
      )}
      <MeetingSummary data={meeting.data} onReload={() => void meeting.refetch()} />
      <nav className="meetings-sections" aria-label={t('meetings.page.sections')}>
        <a href="#meeting-agenda">{t('meetings.agenda.title')}</a>
        <a href="#meeting-minutes">{t('meetings.minutes.title')}</a>
        <a href="#meeting-decisions">{t('meetings.decisions.title')}</a>
        <a href="#meeting-calendar">{t('meetings.calendarExport.title')}</a>
        <Link to={`/meetings/${m.id}/minutes/print`}>
          {t('meetings.print.open')}
        </Link>
      </nav>
      <AgendaSection meeting={m} minutesFinal={minutesFinal} />
      <MinutesSection meeting={m} />
      <DecisionsSection meeting={m} enabled={minutesFinal} />
      <CalendarLinks meeting={m} />
      <HistorySection meetingId={m.id} />
    </div>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <p className="meetings-back">
      <Link to="/meetings">{t('meetings.page.back')}</Link>
    </p>
  );
}
