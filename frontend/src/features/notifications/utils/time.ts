// Notice times in Asia/Tokyo whatever the browser's own zone is.
const TIME_ZONE = 'Asia/Tokyo';

const formats = {
  ja: new Intl.DateTimeFormat('ja-JP', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }),
};

/** 「2026年11月26日(木) 10:10」 (English: "Thu, 26 Nov 2026, 10:10"), in Tokyo time. */
export function noticeTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (!language.startsWith('ja')) return formats.en.format(date);
  // Intl gives 「2026年11月26日(木) 10:10」 in recent engines, 「2026年11月26日(木)10:10」 in some.
  return formats.ja.format(date).replace(/\)\s*/, ') ');
}
