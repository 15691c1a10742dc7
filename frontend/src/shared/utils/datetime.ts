// The desk is in Japan: times are shown and entered in Asia/Tokyo whatever
// the browser's own time zone is. Japan has no daylight saving, so +09:00 is exact.
const TIME_ZONE = 'Asia/Tokyo';
const TOKYO_OFFSET = '+09:00';

const dateTimeFormat = new Intl.DateTimeFormat('ja-JP', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const warekiFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  timeZone: TIME_ZONE,
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});

const monthFormats = {
  ja: new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { timeZone: TIME_ZONE, era: 'long', year: 'numeric', month: 'long' }),
  en: new Intl.DateTimeFormat('en', { timeZone: TIME_ZONE, year: 'numeric', month: 'long' }),
};

const eraYearFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { timeZone: TIME_ZONE, era: 'long', year: 'numeric' });

/** The era year of a day or month ("2026-12", "2026-12-07"): "令和8年". */
export function eraYearOf(day: string): string {
  const date = new Date(`${day.slice(0, 7)}-${day.length >= 10 ? day.slice(8, 10) : '01'}T12:00:00${TOKYO_OFFSET}`);
  return Number.isNaN(date.getTime()) ? '' : eraYearFormat.format(date);
}

/** A month ("2026-12") for a heading: "令和8年12月" in Japanese, "December 2026" in English. */
export function formatMonth(month: string, language: string): string {
  const date = new Date(`${month.slice(0, 7)}-01T00:00:00${TOKYO_OFFSET}`);
  if (Number.isNaN(date.getTime())) return month;
  return (language.startsWith('ja') ? monthFormats.ja : monthFormats.en).format(date);
}

/** "2026/11/26 10:10" in Tokyo time. */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

/** "令和8年11月26日". */
export function formatWareki(iso: string): string {
  return warekiFormat.format(new Date(iso));
}

/** Now as a datetime-local value ("2026-11-26T10:10") in Tokyo time. */
export function nowForDateTimeInput(): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date())
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A datetime-local value read as Tokyo time, as an ISO 8601 string with offset. */
export function dateTimeInputToIso(value: string): string | null {
  if (!value) return null;
  const withSeconds = value.length === 16 ? `${value}:00` : value;
  return `${withSeconds}${TOKYO_OFFSET}`;
}

/** Today as a date value ("2026-11-26") in Tokyo time. */
export function todayForDateInput(): string {
  return nowForDateTimeInput().slice(0, 10);
}
