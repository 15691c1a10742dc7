import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '@/shared/auth/current-user';
import { eraYearOf } from '@/shared/utils/datetime';
import { useBodies } from '../api/get-bodies';
import { useMeetings } from '../api/get-meetings';
import type { Meeting } from '../api/types';
import {
  addDays,
  addMonths,
  dayStartIso,
  monthGrid,
  startLabelJa,
  startOfMonth,
  startOfWeek,
  todayInTokyo,
  tokyoParts,
  WEEKDAYS_JA,
  type Day,
} from '../utils/tokyo';
import { ConfidentialityConfirm } from './confidentiality-confirm';
import { ProblemAlert } from './problem-alert';
import { ScheduleForm } from './schedule-form';

type View = 'month' | 'week';

function isDay(value: string | null): value is Day {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** The calendar of meetings, a month or a week at a time, in Tokyo time; the state lives in the URL. */
export function MeetingsCalendar() {
  const { t } = useTranslation();
  const filterId = useId();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'week' ? 'week' : 'month';
  const anchor: Day = isDay(params.get('date')) ? (params.get('date') as Day) : todayInTokyo();
  const bodyId = params.get('body') ?? '';
  const [scheduling, setScheduling] = useState(false);
  const [created, setCreated] = useState<Meeting[] | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const weeks = useMemo(
    () => (view === 'month' ? monthGrid(anchor) : [Array.from({ length: 7 }, (_, i) => addDays(startOfWeek(anchor), i))]),
    [view, anchor],
  );
  const first = weeks[0]?.[0] ?? anchor;
  const last = weeks.at(-1)?.at(-1) ?? anchor;
  const filter = { from: dayStartIso(first), to: dayStartIso(addDays(last, 1)), ...(bodyId ? { bodyId } : {}) };
  const meetings = useMeetings(filter);
  const bodies = useBodies();
  const me = useCurrentUser();
  // Agency contacts and systems take part in meetings; staff schedule them (the API says the same).
  const maySchedule = ['admin', 'supervisor', 'csw', 'sc'].includes(me.data?.role ?? '');

  const byDay = useMemo(() => {
    const map = new Map<Day, Meeting[]>();
    for (const meeting of meetings.data ?? []) {
      const day = tokyoParts(meeting.starts_at).day;
      map.set(day, [...(map.get(day) ?? []), meeting]);
    }
    return map;
  }, [meetings.data]);

  function update(next: Partial<{ view: View; date: Day; body: string }>) {
    const merged = { view, date: anchor, body: bodyId, ...next };
    const search = new URLSearchParams({ view: merged.view, date: merged.date });
    if (merged.body) search.set('body', merged.body);
    setParams(search, { replace: false });
  }

  function step(direction: 1 | -1) {
    update({ date: view === 'month' ? addMonths(anchor, direction) : addDays(anchor, 7 * direction) });
  }

  const [year, month] = anchor.split('-').map(Number) as [number, number];
  const periodLabel =
    view === 'month'
      ? t('meetings.calendar.monthLabel', { year, month, era: eraYearOf(anchor) })
      : t('meetings.calendar.weekLabel', {
          era: eraYearOf(first),
          from: `${Number(first.slice(5, 7))}月${Number(first.slice(8))}日`,
          to: `${Number(last.slice(5, 7))}月${Number(last.slice(8))}日`,
          year: first.slice(0, 4),
        });
  const today = todayInTokyo();

  return (
    <div className="meetings-calendar-page">
      <div className="page-head">
        <h1>{t('meetings.calendar.title')}</h1>
        {!scheduling && maySchedule && (
          <button
            ref={openButton}
            type="button"
            className="button primary"
            onClick={() => {
              setCreated(null);
              setScheduling(true);
            }}
          >
            {t('meetings.schedule.open')}
          </button>
        )}
      </div>

      {scheduling && (
        <ScheduleForm
          defaultBodyId={bodyId}
          defaultDay={view === 'month' && anchor.slice(0, 7) !== today.slice(0, 7) ? startOfMonth(anchor) : today}
          onScheduled={(meetings) => {
            setScheduling(false);
            setCreated(meetings);
            const firstDay = meetings[0] ? tokyoParts(meetings[0].starts_at).day : anchor;
            update({ date: firstDay });
          }}
          onCancel={() => {
            setScheduling(false);
            queueMicrotask(() => openButton.current?.focus());
          }}
        />
      )}

      {created && created.length > 0 && (
        <div role="status" className="meetings-created">
          <p>
            <strong>{t('meetings.schedule.created', { count: created.length })}</strong>
          </p>
          <ul>
            {created.slice(0, 12).map((m) => (
              <li key={m.id}>
                <Link to={`/meetings/${m.id}`}>
                  {startLabelJa(m.starts_at)} {m.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="toolbar meetings-toolbar">
        <div className="meetings-nav" role="group" aria-label={t('meetings.calendar.period')}>
          <button type="button" className="button" onClick={() => step(-1)}>
            {view === 'month' ? t('meetings.calendar.prevMonth') : t('meetings.calendar.prevWeek')}
          </button>
          <button type="button" className="button" onClick={() => update({ date: today })}>
            {t('meetings.calendar.today')}
          </button>
          <button type="button" className="button" onClick={() => step(1)}>
            {view === 'month' ? t('meetings.calendar.nextMonth') : t('meetings.calendar.nextWeek')}
          </button>
        </div>
        <h2 className="meetings-period" aria-live="polite">
          {periodLabel}
        </h2>
        <div className="meetings-view-switch" role="group" aria-label={t('meetings.calendar.view')}>
          {(['month', 'week'] as const).map((v) => (
            <button
              key={v}
              type="button"
              className="button"
              aria-pressed={view === v}
              onClick={() => update({ view: v })}
            >
              {t(`meetings.calendar.${v}`)}
            </button>
          ))}
        </div>
        <div className="field inline">
          <label htmlFor={filterId}>{t('meetings.calendar.filterBody')}</label>
          <select id={filterId} value={bodyId} onChange={(e) => update({ body: e.target.value })}>
            <option value="">{t('meetings.calendar.allBodies')}</option>
            {bodies.data?.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
      </div>

      <ProblemAlert error={meetings.error} failed={t('meetings.calendar.loadError')} />
      {/* A member who has not confirmed 守秘義務 does not see the 支援会議 in the list: say so. */}
      {bodies.data
        ?.filter((b) => b.confidential && b.my_membership && !b.my_membership.confidentiality_confirmed_at)
        .map((b) =>
          confirming === b.id ? (
            <ConfidentialityConfirm
              key={b.id}
              bodyId={b.id}
              onConfirmed={() => setConfirming(null)}
              onCancel={() => setConfirming(null)}
            />
          ) : (
            <p key={b.id} className="meetings-warn meetings-hidden-note">
              {t('meetings.calendar.hiddenUntilConfirmed', { name: b.name })}{' '}
              <button type="button" className="button" onClick={() => setConfirming(b.id)}>
                {t('meetings.calendar.confirmNow')}
              </button>
            </p>
          ),
        )}

      <div className="meetings-grid-wrap" aria-busy={meetings.isPending}>
        {view === 'month' ? (
          <MonthTable weeks={weeks} month={anchor.slice(0, 7)} today={today} byDay={byDay} caption={periodLabel} />
        ) : (
          <WeekList days={weeks[0] ?? []} today={today} byDay={byDay} />
        )}
      </div>
      {meetings.data?.length === 0 && <p className="muted">{t('meetings.calendar.empty')}</p>}
    </div>
  );
}

function MeetingChip({ meeting, long = false }: { meeting: Meeting; long?: boolean }) {
  const { t } = useTranslation();
  const start = tokyoParts(meeting.starts_at);
  const end = tokyoParts(meeting.ends_at);
  const cancelled = meeting.status === 'cancelled';
  const time = long ? `${start.time}${t('meetings.timeRangeSeparator')}${end.time}` : start.time;
  const content = (
    <>
      <span className="meetings-chip-time">{time}</span> {meeting.title}
      {meeting.confidential && <span className="meetings-lock">{t('meetings.confidentialShort')}</span>}
    </>
  );
  return (
    <Link
      to={`/meetings/${meeting.id}`}
      className={`meetings-chip type-${meeting.body_type}${cancelled ? ' cancelled' : ''}`}
      title={`${time} ${meeting.title}${meeting.place ? ` ／ ${meeting.place}` : ''}`}
    >
      {cancelled ? (
        <>
          <s>{content}</s>
          <span className="meetings-sr">{t('meetings.cancelledSuffix')}</span>
        </>
      ) : (
        content
      )}
      {long && meeting.place && <span className="meetings-chip-place">{meeting.place}</span>}
    </Link>
  );
}

type GridProps = { today: Day; byDay: Map<Day, Meeting[]> };

function MonthTable({ weeks, month, caption, today, byDay }: GridProps & { weeks: Day[][]; month: string; caption: string }) {
  const { t } = useTranslation();
  return (
    <table className="meetings-month">
      <caption className="meetings-sr">{caption}</caption>
      <thead>
        <tr>
          {WEEKDAYS_JA.map((_, i) => (
            <th key={i} scope="col" className={`wd-${i}`}>
              {t(`meetings.weekday.${i}` as 'meetings.weekday.0')}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((day, i) => {
              const items = byDay.get(day) ?? [];
              const outside = day.slice(0, 7) !== month;
              return (
                <td
                  key={day}
                  className={`wd-${i}${outside ? ' outside' : ''}${day === today ? ' today' : ''}`}
                  aria-current={day === today ? 'date' : undefined}
                >
                  <span className="meetings-daynum">
                    <span aria-hidden="true">{Number(day.slice(8))}</span>
                    <span className="meetings-sr">
                      {t('meetings.calendar.dayAria', { month: Number(day.slice(5, 7)), day: Number(day.slice(8)) })}
                    </span>
                  </span>
                  {items.length > 0 && (
                    <ul>
                      {items.map((m) => (
                        <li key={m.id}>
                          <MeetingChip meeting={m} />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WeekList({ days, today, byDay }: GridProps & { days: Day[] }) {
  const { t } = useTranslation();
  return (
    <ol className="meetings-week">
      {days.map((day, i) => {
        const items = byDay.get(day) ?? [];
        return (
          <li key={day} className={`wd-${i}${day === today ? ' today' : ''}`} aria-current={day === today ? 'date' : undefined}>
            <h3>
              {Number(day.slice(5, 7))}/{Number(day.slice(8))}
              <span>（{t(`meetings.weekday.${i}` as 'meetings.weekday.0')}）</span>
            </h3>
            {items.length === 0 ? (
              <p className="muted meetings-none">{t('meetings.calendar.none')}</p>
            ) : (
              <ul>
                {items.map((m) => (
                  <li key={m.id}>
                    <MeetingChip meeting={m} long />
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
