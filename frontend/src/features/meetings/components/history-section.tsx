import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StaffName } from '@/shared/users/staff-name';
import { useMeetingHistory } from '../api/get-meeting';
import { startLabelJa } from '../utils/tokyo';

const KNOWN = ['scheduled', 'rescheduled', 'updated', 'cancelled', 'agenda_added', 'agenda_removed', 'minutes_finalised', 'minutes_amended'];

/** Every change of the meeting, oldest first (folded away until asked for). */
export function HistorySection({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const history = useMeetingHistory(meetingId, open);
  return (
    <section className="card meetings-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('meetings.history.title')}</h2>
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('meetings.history.hide') : t('meetings.history.show')}
      </button>
      {open && history.data && (
        <ol className="meetings-history">
          {history.data.map((e) => (
            <li key={e.id}>
              <time dateTime={e.at}>{startLabelJa(e.at)}</time>{' '}
              {KNOWN.includes(e.kind) ? t(`meetings.history.kind.${e.kind}` as 'meetings.history.kind.scheduled') : e.kind}
              <span className="muted">
                （<StaffName username={e.actor} />）
              </span>
              {e.reason && <span>：{e.reason}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
