import { formatWareki } from '@/shared/utils/datetime';

const tokyoDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Tokyo as "2026-11-26". */
export function todayInTokyo(): string {
  return tokyoDate.format(new Date());
}

/** "2026-11-26" plus `days`, as a date (no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A date-only value ("1945-03-01") in 和暦: "昭和20年3月1日". */
export function formatWarekiDate(date: string): string {
  return formatWareki(`${date}T00:00:00+09:00`);
}

/** "2026/11/26" for a date-only value. */
export function formatDate(date: string): string {
  return date.replaceAll('-', '/');
}

/** Full years between a birth date and `today` (both "YYYY-MM-DD"). */
export function ageOn(birthDate: string, today: string = todayInTokyo()): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** The family name of "小金井 トメ" (split at a half- or full-width space); the whole name if none. */
export function familyName(name: string): string {
  const trimmed = name.trim();
  return trimmed.split(/[\s\u3000]+/)[0] ?? trimmed;
}
