import { useTranslation } from 'react-i18next';
import { dayLabelJa, tokyoParts, wareki } from '../utils/tokyo';

/** 「2026年12月8日(火) 14:00〜15:30」 in Tokyo time, with the 和暦 and the ISO date beside it. */
export function MeetingTime({ startsAt, endsAt, withWareki = false }: { startsAt: string; endsAt: string; withWareki?: boolean }) {
  const { t } = useTranslation();
  const start = tokyoParts(startsAt);
  const end = tokyoParts(endsAt);
  const sameDay = start.day === end.day;
  return (
    <>
      <time dateTime={startsAt}>
        {dayLabelJa(start.day)} {start.time}
      </time>
      {t('meetings.timeRangeSeparator')}
      <time dateTime={endsAt}>{sameDay ? end.time : `${dayLabelJa(end.day)} ${end.time}`}</time>
      {withWareki && (
        <span className="meetings-wareki">
          {t('meetings.warekiIso', { wareki: wareki(startsAt), iso: start.day })}
        </span>
      )}
    </>
  );
}
