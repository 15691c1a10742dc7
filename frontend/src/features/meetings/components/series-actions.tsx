import type { TFunction } from 'i18next';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '@/shared/auth/require-permission';
import { DateField, isValidDate } from '@/shared/ui/date-fields';
import { useInlineValidation } from '@/shared/ui/form-validation';
import { useCancelSeries, useMoveSeries, useSeries, type SeriesMove } from '../api/series';
import type { Meeting } from '../api/types';
import { clashesOf } from '../utils/problems';
import { startLabelJa, tokyoParts } from '../utils/tokyo';
import { ClashWarning } from './clash-warning';
import { ProblemAlert } from './problem-alert';

/** The API's limit: six days either way. */
const MAX_SHIFT_MINUTES = 6 * 24 * 60;

type Props = { meeting: Meeting; onReload: () => void };

/**
 * For an occurrence of a series: 「この日以降をまとめて移動」 and 「この日以降を中止」, each for every
 * occurrence still to come from a chosen day on.
 */
export function SeriesActions({ meeting, onReload }: Props) {
  const { t } = useTranslation();
  // An agency member never runs a meeting (meeting-api may_run); the service decides for the rest.
  const mayRun = useCan('scheduleMeeting');
  const [mode, setMode] = useState<'view' | 'move' | 'cancel'>('view');
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  // The form closes on success: bring the message into view (and to screen readers) in its place.
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  if (!meeting.series_id || !mayRun) return null;
  const seriesId = meeting.series_id;

  function finish(message: string) {
    setDone(message);
    setMode('view');
  }

  return (
    <div className="series-change">
      {done && (
        <p ref={doneRef} tabIndex={-1} role="status" className="series-change-done">
          {done}
        </p>
      )}
      {mode === 'view' && (
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setDone(null);
              setMode('move');
            }}
          >
            {t('seriesChange.move.open')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDone(null);
              setMode('cancel');
            }}
          >
            {t('seriesChange.cancel.open')}
          </button>
        </div>
      )}
      {mode === 'move' && (
        <SeriesMoveForm
          meeting={meeting}
          seriesId={seriesId}
          onBack={() => setMode('view')}
          onDone={(count) => finish(t('seriesChange.move.done', { count }))}
          onReload={onReload}
        />
      )}
      {mode === 'cancel' && (
        <SeriesCancelForm
          meeting={meeting}
          seriesId={seriesId}
          onBack={() => setMode('view')}
          onDone={(count) => finish(t('seriesChange.cancel.done', { count }))}
        />
      )}
    </div>
  );
}

/** The occurrences a change from `fromDate` on reaches: still to come, not cancelled. */
function reached(occurrences: Meeting[], fromDate: string): Meeting[] {
  const now = Date.now();
  return occurrences
    .filter((m) => m.status !== 'cancelled' && new Date(m.starts_at).getTime() > now)
    .filter((m) => isValidDate(fromDate) && tokyoParts(m.starts_at).day >= fromDate)
    .sort((a, b) => a.starts_at.localeCompare(b.starts_at));
}

function wholeNumber(value: string, max: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) return 0;
  return Math.min(max, Math.floor(n));
}

type ShiftPartProps = {
  id: string;
  label: string;
  max: number;
  step?: number;
  value: string;
  onChange: (value: string) => void;
  v: ReturnType<typeof useInlineValidation>;
};

/** One part of the shift (days, hours or minutes): a whole number from 0 to `max`. */
function ShiftPart({ id, label, max, step, value, onChange, v }: ShiftPartProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={0}
        max={max}
        step={step}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...v.aria(id)}
      />
      {v.errorText(id)}
    </div>
  );
}

/** 「この日以降（最初の日）」: the day a series change starts from, shared by both forms. */
function FromDateField({ id, value, onChange, v }: Omit<ShiftPartProps, 'label' | 'max' | 'step'>) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label id={`${id}-label`} htmlFor={id}>
        {t('seriesChange.fromDate')}
      </label>
      <DateField id={id} required value={value} onChange={onChange} error={v.message(id)} />
    </div>
  );
}

type FormProps = { meeting: Meeting; seriesId: string; onBack: () => void; onDone: (count: number) => void };

function SeriesMoveForm({ meeting, seriesId, onBack, onDone, onReload }: FormProps & { onReload: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const series = useSeries(seriesId);
  const [fromDate, setFromDate] = useState(tokyoParts(meeting.starts_at).day);
  const [direction, setDirection] = useState<'later' | 'earlier'>('later');
  const [days, setDays] = useState('0');
  const [hours, setHours] = useState('1');
  const [minutes, setMinutes] = useState('0');
  const [tried, setTried] = useState(false);
  const [last, setLast] = useState<SeriesMove | null>(null);
  const v = useInlineValidation();
  // How many occurrences the request moves (counted when it is sent, for the message after).
  const movingCount = useRef(0);
  const move = useMoveSeries({ onSuccess: () => onDone(movingCount.current) });
  const clashes = clashesOf(move.error);

  const size = wholeNumber(days, 6) * 24 * 60 + wholeNumber(hours, 23) * 60 + wholeNumber(minutes, 59);
  const shift = direction === 'later' ? size : -size;
  const shiftError =
    shift === 0 ? t('seriesChange.move.zero') : Math.abs(shift) > MAX_SHIFT_MINUTES ? t('seriesChange.move.tooFar') : null;
  const moving = series.data ? reached(series.data.series.occurrences, fromDate) : [];
  function submit(body: SeriesMove) {
    if (!series.data) return;
    setLast(body);
    move.mutate({ seriesId, etag: series.data.etag, body });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (!v.validate() || shiftError || moving.length === 0) return;
    movingCount.current = moving.length;
    submit({ from_date: fromDate, shift_minutes: shift, confirm_clash: false });
  }

  const shiftText = describeShift(shift, t);

  return (
    <form
      ref={v.formRef}
      className="form meetings-inline-form series-change-form"
      onSubmit={handleSubmit}
      aria-labelledby={`${id}-h`}
      noValidate
    >
      <h2 id={`${id}-h`}>{t('seriesChange.move.title')}</h2>
      <p className="hint">{t('seriesChange.move.hint')}</p>
      <div className="meetings-row">
        <FromDateField id={`${id}-from`} value={fromDate} onChange={setFromDate} v={v} />
        <div className="field">
          <label htmlFor={`${id}-dir`}>{t('seriesChange.move.direction')}</label>
          <select id={`${id}-dir`} value={direction} onChange={(e) => setDirection(e.target.value as 'later' | 'earlier')}>
            <option value="later">{t('seriesChange.move.later')}</option>
            <option value="earlier">{t('seriesChange.move.earlier')}</option>
          </select>
        </div>
      </div>
      <fieldset className="series-change-shift" aria-describedby={tried && shiftError ? `${id}-shift-error` : undefined}>
        <legend>{t('seriesChange.move.shift')}</legend>
        <div className="meetings-row">
          <ShiftPart id={`${id}-days`} label={t('seriesChange.move.days')} max={6} value={days} onChange={setDays} v={v} />
          <ShiftPart id={`${id}-hours`} label={t('seriesChange.move.hours')} max={23} value={hours} onChange={setHours} v={v} />
          <ShiftPart
            id={`${id}-minutes`}
            label={t('seriesChange.move.minutes')}
            max={59}
            step={5}
            value={minutes}
            onChange={setMinutes}
            v={v}
          />
        </div>
        {tried && shiftError && (
          <p id={`${id}-shift-error`} className="field-error" role="alert">
            {shiftError}
          </p>
        )}
      </fieldset>

      {series.isPending && <p className="muted">{t('app.loading')}</p>}
      {series.isError && <ProblemAlert error={series.error} failed={t('seriesChange.loadError')} />}
      {series.data && (
        <div className="series-change-preview" aria-live="polite">
          {moving.length === 0 ? (
            <p className="muted">{t('seriesChange.none')}</p>
          ) : (
            <>
              <p>
                {shiftError
                  ? t('seriesChange.move.previewCount', { count: moving.length })
                  : t('seriesChange.move.preview', { count: moving.length, shift: shiftText })}
              </p>
              <ul>
                {moving.map((m) => (
                  <li key={m.id}>
                    {startLabelJa(m.starts_at)}
                    {!shiftError && (
                      <>
                        {' → '}
                        <strong>{startLabelJa(new Date(new Date(m.starts_at).getTime() + shift * 60_000).toISOString())}</strong>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}

      {clashes ? (
        <ClashWarning
          clashes={clashes}
          series
          pending={move.isPending}
          onConfirm={() => last && submit({ ...last, confirm_clash: true })}
          onDismiss={() => move.reset()}
        />
      ) : (
        <ProblemAlert
          error={move.error}
          failed={t('seriesChange.move.failed')}
          onReload={() => {
            move.reset();
            void series.refetch();
            onReload();
          }}
        />
      )}
      <div className="actions">
        <button
          type="submit"
          className="button primary"
          disabled={move.isPending || !series.data || Boolean(clashes) || moving.length === 0}
        >
          {t('seriesChange.move.submit')}
        </button>
        <button type="button" className="button" onClick={onBack}>
          {t('seriesChange.back')}
        </button>
      </div>
    </form>
  );
}

/** 「1日と2時間30分 遅く」 / 「45分 早く」. */
function describeShift(shift: number, t: TFunction): string {
  const size = Math.abs(shift);
  const d = Math.floor(size / 1440);
  const h = Math.floor((size % 1440) / 60);
  const m = size % 60;
  const parts = [
    d > 0 ? t('seriesChange.unit.days', { count: d }) : '',
    h > 0 ? t('seriesChange.unit.hours', { count: h }) : '',
    m > 0 ? t('seriesChange.unit.minutes', { count: m }) : '',
  ].filter(Boolean);
  return t(shift > 0 ? 'seriesChange.move.laterBy' : 'seriesChange.move.earlierBy', { amount: parts.join('') });
}

function SeriesCancelForm({ meeting, seriesId, onBack, onDone }: FormProps) {
  const { t } = useTranslation();
  const id = useId();
  const series = useSeries(seriesId);
  const [fromDate, setFromDate] = useState(tokyoParts(meeting.starts_at).day);
  const [reason, setReason] = useState('');
  const cancel = useCancelSeries({ onSuccess: (cancelled) => onDone(cancelled.length) });
  const reaching = series.data ? reached(series.data.series.occurrences, fromDate) : [];
  const v = useInlineValidation();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!v.validate() || !reason.trim()) return;
    cancel.mutate({ seriesId, reason: reason.trim(), fromDate });
  }

  return (
    <form
      ref={v.formRef}
      className="form meetings-inline-form series-change-form"
      onSubmit={handleSubmit}
      aria-labelledby={`${id}-h`}
      noValidate
    >
      <h2 id={`${id}-h`}>{t('seriesChange.cancel.title')}</h2>
      <p className="hint">{t('seriesChange.cancel.hint')}</p>
      <FromDateField id={`${id}-from`} value={fromDate} onChange={setFromDate} v={v} />
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('seriesChange.cancel.reason')}</label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          required
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          {...v.aria(`${id}-reason`)}
        />
        {v.errorText(`${id}-reason`)}
      </div>
      {series.isPending && <p className="muted">{t('app.loading')}</p>}
      {series.isError && <ProblemAlert error={series.error} failed={t('seriesChange.loadError')} />}
      {series.data && (
        <div className="series-change-preview" aria-live="polite">
          {reaching.length === 0 ? (
            <p className="muted">{t('seriesChange.none')}</p>
          ) : (
            <>
              <p>{t('seriesChange.cancel.preview', { count: reaching.length })}</p>
              <ul>
                {reaching.map((m) => (
                  <li key={m.id}>{startLabelJa(m.starts_at)}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <ProblemAlert error={cancel.error} failed={t('seriesChange.cancel.failed')} />
      <div className="actions">
        <button
          type="submit"
          className="button meetings-danger"
          disabled={cancel.isPending || !series.data || reaching.length === 0}
        >
          {t('seriesChange.cancel.submit')}
        </button>
        <button type="button" className="button" onClick={onBack}>
          {t('seriesChange.back')}
        </button>
      </div>
    </form>
  );
}
