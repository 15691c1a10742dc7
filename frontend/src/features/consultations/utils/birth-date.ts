// Birth dates as the desk writes them: western (1944-05-02, 1944/5/2, 19440502,
// 1944年5月2日) or 和暦 (昭和19年5月2日, S19.5.2, 平成元年1月8日), digits in any width.

type Era = { names: string[]; start: string; end: string | null };

const ERAS: Era[] = [
  { names: ['明治', 'M'], start: '1868-10-23', end: '1912-07-29' },
  { names: ['大正', 'T'], start: '1912-07-30', end: '1926-12-24' },
  { names: ['昭和', 'S'], start: '1926-12-25', end: '1989-01-07' },
  { names: ['平成', 'H'], start: '1989-01-08', end: '2019-04-30' },
  { names: ['令和', 'R'], start: '2019-05-01', end: null },
];

export type BirthDateParse =
  | { kind: 'empty' }
  | { kind: 'ok'; iso: string }
  | { kind: 'invalid' }
  | { kind: 'future' };

const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  const same =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!same) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Today in Tokyo as YYYY-MM-DD. */
export function tokyoToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
}

export function parseBirthDate(input: string): BirthDateParse {
  const text = input.normalize('NFKC').trim().toUpperCase().replace(/\s+/g, '');
  if (text === '') return { kind: 'empty' };
  let iso: string | null = null;

  const western = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$/.exec(text);
  const era = /^(明治|大正|昭和|平成|令和|[MTSHR])(元|\d{1,2})[-/.年]?(\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (western) {
    const [, y, m1, d1, m2, d2] = western;
    iso = isoOf(Number(y), Number(m1 ?? m2), Number(d1 ?? d2));
  } else if (era) {
    const [, name, yearText, m, d] = era;
    const found = ERAS.find((e) => e.names.includes(name ?? ''));
    if (found) {
      const eraYear = yearText === '元' ? 1 : Number(yearText);
      const year = Number(found.start.slice(0, 4)) + eraYear - 1;
      iso = eraYear >= 1 ? isoOf(year, Number(m), Number(d)) : null;
      // 昭和64年1月8日 does not exist: it was already 平成.
      if (iso && (iso < found.start || (found.end !== null && iso > found.end))) iso = null;
    }
  }
  if (iso === null) return { kind: 'invalid' };
  if (iso > tokyoToday()) return { kind: 'future' };
  return { kind: 'ok', iso };
}

/** Full years between a birth date and today in Tokyo. */
export function ageOn(birthIso: string, todayIso: string = tokyoToday()): number {
  const [by, bm, bd] = birthIso.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = todayIso.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** "昭和19年5月2日" for a YYYY-MM-DD date. */
export function warekiOfDate(iso: string): string {
  return new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    timeZone: 'Asia/Tokyo',
    era: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(new Date(`${iso}T12:00:00+09:00`));
}
