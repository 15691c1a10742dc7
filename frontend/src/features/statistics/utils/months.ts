const tokyoMonth = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
});

/** This month in Tokyo, "2026-11". */
export function currentMonth(): string {
  const parts = Object.fromEntries(tokyoMonth.formatToParts(new Date()).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}`;
}

/** The month `count` months before `month`: ("2026-03", 11) → "2025-04". */
export function monthsBefore(month: string, count: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + number - 1 - count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** "2026-11" → "11月" (with the year when it is January, so a 12-month axis stays readable). */
export function shortMonth(month: string, locale: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  if (locale.startsWith('ja')) return number === 1 ? `${year}年1月` : `${number}月`;
  const date = new Date(Date.UTC(year, number - 1, 1));
  return date.toLocaleString('en', { month: 'short', year: number === 1 ? 'numeric' : undefined, timeZone: 'UTC' });
}

export function isMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}
