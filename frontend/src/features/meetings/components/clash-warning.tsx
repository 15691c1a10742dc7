import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaffNames } from '@/shared/users/names';
import type { Clash } from '../utils/problems';
import { startLabelJa } from '../utils/tokyo';
import { MeetingTime } from './meeting-time';

type Props = {
  clashes: Clash[];
  /** More than one meeting was asked for (a series): say which occurrence clashes. */
  series?: boolean;
  pending?: boolean;
  onConfirm: () => void;
  onDismiss: () => void;
};

/** The 409 of a clash: each meeting taken at that time, by name and time, and the way on. */
export function ClashWarning({ clashes, series = false, pending = false, onConfirm, onDismiss }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const staffName = useStaffNames(clashes.flatMap((c) => c.participants));
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="meetings-clash">
      <p className="meetings-clash-title">{t('meetings.clash.title', { count: clashes.length })}</p>
      <ul>
        {clashes.map((clash, i) => (
          <li key={`${clash.meeting_id}-${clash.occurrence_starts_at}-${i}`}>
            <strong>{clash.title}</strong>
            {'　'}
            <MeetingTime startsAt={clash.starts_at} endsAt={clash.ends_at} />
            <span className="meetings-clash-why">
              {clash.participants.length > 0 &&
                t('meetings.clash.participants', { names: clash.participants.map(staffName).join('、') })}
              {clash.same_place && t('meetings.clash.samePlace')}
              {series && (
                <>
                  {' '}
                  {t('meetings.clash.occurrence', { when: startLabelJa(clash.occurrence_starts_at) })}
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
      <p className="hint">{t('meetings.clash.hint')}</p>
      <div className="actions">
        <button type="button" className="button meetings-danger" disabled={pending} onClick={onConfirm}>
          {t('meetings.clash.confirm')}
        </button>
        <button type="button" className="button" onClick={onDismiss}>
          {t('meetings.clash.dismiss')}
        </button>
      </div>
    </div>
  );
}
