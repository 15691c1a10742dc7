// Calendar arithmetic in Asia/Tokyo whatever the browser's own zone is. Japan has no
// daylight saving, so a Tokyo wall time is always UTC+9 and plain date arithmetic is exact.

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar day, "2026-12-08". */
export type Day = string;

const pad = (n: number) => String(n).padStart(2, '0');

function fromUtcDate(date: Date): Day {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function toUtcDate(day: Day): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** The Tokyo wall clock of an instant. */
export function tokyoParts(iso: string | Date) {
  const shifted = new Date(new Date(iso).getTime() + TOKYO_OFFSET_MS);
  return {
    day: fromUtcDate(shifted),
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    date: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
    time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`,
  };
}

export function todayInTokyo(): Day {
  return tokyoParts(new Date()).day;
}

export function addDays(day: Day, n: number): Day {
  return fromUtcDate(new Date(toUtcDate(day).getTime() + n * DAY_MS));
}

export function addMonths(day: Day, n: number): Day {
  const date = toUtcDate(day);
  return fromUtcDate(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + n, 1)));
}

export function weekdayOf(day: Day): number {
  return toUtcDate(day).getUTCDay();
}

export function startOfMonth(day: Day): Day {
  return `${day.slice(0, 7)}-01`;
}

/** The Sunday on or before `day` (the calendar's weeks start on 日曜日). */
export function startOfWeek(day: Day): Day {
  return addDays(day, -weekdayOf(day));
}

/** The weeks of a month view: from the Sunday before the 1st to the Saturday after the last day. */
export function monthGrid(day: Day): Day[][] {
  const first = startOfMonth(day);
  const last = addDays(addMonths(first, 1), -1);
  const weeks: Day[][] = [];
  for (let start = startOfWeek(first); start <= last; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)));
  }
  return weeks;
}

/** Tokyo midnight at the start of `day`, as an ISO instant with offset. */
export function dayStartIso(day: Day): string {
  return `${day}T00:00:00+09:00`;
}

/** A Tokyo day and wall time ("14:00") as an ISO instant with offset. */
export function tokyoIso(day: Day, time: string): string {
  return `${day}T${time.length === 5 ? `${time}:00` : time}+09:00`;
}

/** Minutes from one wall time to another on the same day ("14:00" → "15:30" is 90). */
export function minutesBetween(start: string, end: string): number {
  const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return toMinutes(end) - toMinutes(start);
}

/** A wall time plus minutes, kept within the day ("14:00" + 90 → "15:30"). */
export function addMinutesToTime(time: string, minutes: number): string {
  const total = Math.min(23 * 60 + 59, Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + minutes);
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}

export const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'] as const;

const warekiFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  timeZone: 'Asia/Tokyo',
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});

/** 「令和8年12月8日」 for an instant or a day. */
export function wareki(value: string): string {
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00+09:00` : value;
  return warekiFormat.format(new Date(instant));
}

/** 「2026年12月8日(火)」 for a day. */
export function dayLabelJa(day: Day): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日(${WEEKDAYS_JA[weekdayOf(day)]})`;
}

/** 「2026年12月8日(火) 14:00」 for an instant, in Tokyo time. */
export function startLabelJa(iso: string): string {
  const p = tokyoParts(iso);
  return `${dayLabelJa(p.day)} ${p.time}`;
}
