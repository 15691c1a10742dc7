import { useEffect, useRef, useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { nowForDateTimeInput } from '@/shared/utils/datetime';
import './date-fields.css';

// The app's own date controls: selects for 年・月・日 (and 時・分, 24-hour), in Japanese whatever
// the browser's language is. They take and give the strings the native inputs did:
// "YYYY-MM-DD", "YYYY-MM", "YYYY-MM-DDTHH:mm" (Asia/Tokyo wall time) and "HH:mm".
// A half-chosen value is given as it stands ("2026--", "2026-02-30"): it is not a valid
// date, the field says so inline, and the form's own check (isValidDate…) refuses to send it.

const pad = (n: number | string) => String(n).padStart(2, '0');
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const eraFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' });

/** 「令和8年」, or 「平成31年／令和元年」 for a year in which the era changed. */
export function eraOfYear(year: number): string {
  const first = eraFormat.format(new Date(Date.UTC(year, 0, 1, 12)));
  const last = eraFormat.format(new Date(Date.UTC(year, 11, 31, 12)));
  return first === last ? first : `${first}／${last}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "2026-12-10", a day that exists. */
export function isValidDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** "2026-12". */
export function isValidMonth(value: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  return Boolean(m) && Number(m![2]) >= 1 && Number(m![2]) <= 12;
}

/** "14:00". */
export function isValidTime(value: string): boolean {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  return Boolean(m) && Number(m![1]) <= 23 && Number(m![2]) <= 59;
}

/** "2026-12-10T14:00". */
export function isValidDateTime(value: string): boolean {
  const [date = '', time = ''] = value.split('T');
  return isValidDate(date) && isValidTime(time);
}

type Kind = 'date' | 'month' | 'datetime' | 'time';
type Parts = { year: string; month: string; day: string; hour: string; minute: string };
const EMPTY: Parts = { year: '', month: '', day: '', hour: '', minute: '' };

function split(kind: Kind, value: string): Parts {
  if (!value) return EMPTY;
  const [date = '', time = ''] = kind === 'time' ? ['', value] : value.split('T');
  const [year = '', month = '', day = ''] = kind === 'time' ? [] : date.split('-');
  const [hour = '', minute = ''] = kind === 'datetime' || kind === 'time' ? time.split(':') : [];
  return { year, month, day, hour, minute };
}

function join(kind: Kind, p: Parts): string {
  if (!p.year && !p.month && !p.day && !p.hour && !p.minute) return '';
  const date = kind === 'month' ? `${p.year}-${p.month}` : `${p.year}-${p.month}-${p.day}`;
  const time = `${p.hour}:${p.minute}`;
  if (kind === 'time') return time;
  return kind === 'datetime' ? `${date}T${time}` : date;
}

const partsOf: Record<Kind, (keyof Parts)[]> = {
  date: ['year', 'month', 'day'],
  month: ['year', 'month'],
  datetime: ['year', 'month', 'day', 'hour', 'minute'],
  time: ['hour', 'minute'],
};

type Problem = { key: 'incomplete' | 'invalid' | 'tooEarly' | 'tooLate'; values?: Record<string, string> } | null;

function problemOf(kind: Kind, p: Parts, min?: string, max?: string): Problem {
  const names = partsOf[kind];
  const chosen = names.filter((n) => p[n] !== '');
  if (chosen.length === 0) return null;
  if (chosen.length < names.length) return { key: 'incomplete' };
  if (kind !== 'month' && kind !== 'time' && Number(p.day) > daysInMonth(Number(p.year), Number(p.month))) {
    return { key: 'invalid', values: { year: p.year, month: String(Number(p.month)), day: String(Number(p.day)) } };
  }
  const value = join(kind, p);
  if (min && value < min) return { key: 'tooEarly', values: { limit: min } };
  if (max && value > max) return { key: 'tooLate', values: { limit: max } };
  return null;
}

export type DateFieldProps = {
  /** The first select's id: a `<label htmlFor={id}>` focuses it. */
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** The visible label's id; `${id}-label` when not given. */
  labelId?: string;
  required?: boolean;
  disabled?: boolean;
  /** Earliest and latest values, in the field's own string form. */
  min?: string;
  max?: string;
  /** The years offered (the chosen one is always offered too); the default is ten back, fifteen on. */
  fromYear?: number;
  toYear?: number;
  /** A message from the form (required, or the server's). */
  error?: string | null;
  /** Extra ids for aria-describedby (a hint). */
  describedBy?: string;
  /** Offer a button that empties an optional field. */
  clearable?: boolean;
};

function thisYear(): number {
  return Number(nowForDateTimeInput().slice(0, 4));
}

function limitLabel(kind: Kind, limit: string, ja: boolean): string {
  const p = split(kind, limit);
  if (kind === 'time') return limit;
  const month = String(Number(p.month));
  if (!ja) return kind === 'month' ? `${p.year}-${p.month}` : limit.replace('T', ' ');
  const date = kind === 'month' ? `${p.year}年${month}月` : `${p.year}年${month}月${Number(p.day)}日`;
  return kind === 'datetime' ? `${date} ${p.hour}:${p.minute}` : date;
}

// English shows "2026 - 12 - 10  14 : 00" (the unit names are there for screen readers).
const separatorAfter: Partial<Record<keyof Parts, string>> = { year: '-', month: '-', hour: ':' };

function FieldParts({ kind, ...props }: DateFieldProps & { kind: Kind }) {
  const { t, i18n } = useTranslation();
  const ja = i18n.language.startsWith('ja');
  const { id, value, onChange, required, disabled, min, max, error, describedBy, clearable } = props;
  const labelId = props.labelId ?? `${id}-label`;
  const parts = split(kind, value);
  const [touched, setTouched] = useState(false);
  const groupRef = useRef<HTMLDivElement>(null);
  const problem = problemOf(kind, parts, min, max);
  // An impossible day says so at once; a half-chosen one once the focus leaves the field.
  const shown = problem && (problem.key !== 'incomplete' || touched) ? problem : null;
  const ownMessage = problem
    ? problem.key === 'tooEarly' || problem.key === 'tooLate'
      ? t(`dateFields.${problem.key}`, { limit: limitLabel(kind, problem.values!.limit!, ja) })
      : problem.key === 'incomplete'
        ? t(`dateFields.incomplete.${kind}`)
        : t('dateFields.invalid', problem.values)
    : '';
  const message = error || (shown ? ownMessage : null);
  const errorId = `${id}-error`;
  const names = partsOf[kind];
  const partId = (name: keyof Parts) => (name === names[0] ? id : `${id}-${name}`);

  // The form's check (useInlineValidation) reads the first select's validity: a half-chosen or
  // impossible value is a custom error there, in the app's own words.
  useEffect(() => {
    const first = groupRef.current?.querySelector<HTMLSelectElement>(`#${CSS.escape(id)}`);
    first?.setCustomValidity(problem ? ownMessage : '');
  });

  const minYear = Number(min?.slice(0, 4)) || null;
  const maxYear = Number(max?.slice(0, 4)) || null;
  let fromYear = props.fromYear ?? minYear ?? thisYear() - 10;
  let toYear = props.toYear ?? maxYear ?? thisYear() + 15;
  if (minYear) fromYear = Math.max(fromYear, minYear);
  if (maxYear) toYear = Math.min(toYear, maxYear);
  const years = kind === 'time' ? [] : range(fromYear, toYear);
  const chosenYear = Number(parts.year);
  if (chosenYear && !years.includes(chosenYear)) years.push(chosenYear);
  years.sort((a, b) => a - b);

  const options: Record<keyof Parts, { value: string; label: string }[]> = {
    year: years.map((y) => ({ value: String(y), label: ja ? `${y}年（${eraOfYear(y)}）` : String(y) })),
    month: range(1, 12).map((m) => ({ value: pad(m), label: String(m) })),
    day: range(1, 31).map((d) => ({ value: pad(d), label: String(d) })),
    hour: range(0, 23).map((h) => ({ value: pad(h), label: pad(h) })),
    minute: range(0, 59).map((m) => ({ value: pad(m), label: pad(m) })),
  };

  function change(name: keyof Parts, next: string) {
    onChange(join(kind, { ...parts, [name]: next }));
  }

  function handleBlur(event: FocusEvent<HTMLDivElement>) {
    if (!groupRef.current?.contains(event.relatedTarget as Node | null)) setTouched(true);
  }

  const describedByIds = [describedBy, message ? errorId : null].filter(Boolean).join(' ') || undefined;
  const preview = kind === 'date' || kind === 'datetime' ? previewOf(parts, problem, ja) : null;

  return (
    <div className="date-field-wrap">
      <div
        ref={groupRef}
        className="date-field"
        role="group"
        aria-labelledby={labelId}
        aria-describedby={describedByIds}
        onBlur={handleBlur}
      >
        {names.map((name) => (
          <span key={name} className={`date-part date-part-${name}`}>
            <select
              id={partId(name)}
              value={parts[name]}
              required={required && name === names[0]}
              disabled={disabled}
              aria-labelledby={`${labelId} ${id}-${name}-unit`}
              aria-invalid={message ? true : undefined}
              aria-describedby={describedByIds}
              onChange={(e) => change(name, e.target.value)}
            >
              <option value="">{name === 'year' ? t('dateFields.chooseYear') : '--'}</option>
              {options[name].map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            <span id={`${id}-${name}-unit`} className={ja && name !== 'year' ? 'date-unit' : 'visually-hidden'}>
              {t(`dateFields.${name}`)}
            </span>
            {!ja && separatorAfter[name] && name !== names[names.length - 1] && (
              <span className="date-unit" aria-hidden="true">
                {separatorAfter[name]}
              </span>
            )}
          </span>
        ))}
        {clearable && !required && value && !disabled && (
          <button
            type="button"
            className="date-clear"
            aria-label={t('dateFields.clearLabel')}
            onClick={() => {
              onChange('');
              setTouched(false);
              groupRef.current?.querySelector<HTMLSelectElement>('select')?.focus();
            }}
          >
            {t('dateFields.clear')}
          </button>
        )}
      </div>
      {preview && (
        <p className="hint date-preview" aria-hidden="true">
          {preview}
        </p>
      )}
      {message && (
        <p id={errorId} className="field-error">
          {message}
        </p>
      )}
    </div>
  );
}

const previewJa = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
  timeZone: 'UTC',
});
const previewEn = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  weekday: 'short',
  timeZone: 'UTC',
});

/** 「令和8年12月10日(木)」 under a complete date, to check the day of the week at a glance. */
function previewOf(p: Parts, problem: Problem, ja: boolean): string | null {
  if (problem || !p.year || !p.month || !p.day) return null;
  const date = new Date(Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), 12));
  const text = (ja ? previewJa : previewEn).format(date);
  return ja ? text.replace(/\((.)\)$/, '（$1）') : text;
}

/** 年・月・日: "YYYY-MM-DD". */
export function DateField(props: DateFieldProps) {
  return <FieldParts kind="date" {...props} />;
}

/** 年・月: "YYYY-MM". */
export function MonthField(props: DateFieldProps) {
  return <FieldParts kind="month" {...props} />;
}

/** 年・月・日 時・分 (24-hour, Asia/Tokyo): "YYYY-MM-DDTHH:mm", as datetime-local gave. */
export function DateTimeField(props: DateFieldProps) {
  return <FieldParts kind="datetime" {...props} />;
}

/** 時・分 (24-hour): "HH:mm". */
export function TimeField(props: Omit<DateFieldProps, 'fromYear' | 'toYear'>) {
  return <FieldParts kind="time" {...props} />;
}
