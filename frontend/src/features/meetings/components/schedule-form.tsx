import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { flatErrors, messageOf } from '@/shared/forms/zod-form';
import { DateField, TimeField } from '@/shared/ui/date-fields';
import { useBodies, useBody } from '../api/get-bodies';
import { useScheduleMeeting, type ScheduleRequest } from '../api/schedule-meeting';
import { bodyTypes, type BodyType, type Meeting } from '../api/types';
import { clashesOf, unconfirmedBodyOf } from '../utils/problems';
import { describeRule } from '@/shared/utils/rrule';
import { previewDays, ruleOf } from '../utils/rrule';
import {
  choiceOf,
  RULE_MODES,
  scheduleSchema,
  type RuleMode,
  type ScheduleSent,
  type ScheduleValues,
} from '../utils/schedule-schema';
import { addMinutesToTime, dayLabelJa, minutesBetween, type Day } from '../utils/tokyo';
import { ClashWarning } from './clash-warning';
import { ConfidentialityConfirm } from './confidentiality-confirm';
import { ParticipantsField } from './participants-field';
import { ProblemAlert } from './problem-alert';

type Props = {
  defaultBodyId: string;
  defaultDay: Day;
  onScheduled: (created: Meeting[]) => void;
  onCancel: () => void;
};

const schema = scheduleSchema();

/** 「会議を予定する」: one meeting or a series, with the body's defaults filled in. */
export function ScheduleForm({ defaultBodyId, defaultDay, onScheduled, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const bodies = useBodies();
  const formRef = useRef<HTMLFormElement>(null);
  // noValidate: what is missing is said inline, in the app's words, not in the browser's popups.
  const form = useForm<ScheduleValues, unknown, ScheduleSent>({
    resolver: zodResolver(schema),
    defaultValues: {
      bodyId: defaultBodyId,
      bodyType: 'case_conference',
      title: '',
      repeat: 'single',
      day: defaultDay,
      start: '14:00',
      end: '15:00',
      ruleMode: 'monthlyNth',
      nth: 2,
      weekday: 2,
      monthDay: 1,
      customRule: '',
      count: '12',
      place: '',
      onlineUrl: '',
      checked: [],
      extra: '',
    },
    shouldFocusError: false,
  });
  const { register, setValue, getValues, watch, handleSubmit, trigger, formState } = form;
  const v = watch();
  const { bodyId, repeat, day, ruleMode } = v;
  const body = useBody(bodyId || null);
  const [prefilledFor, setPrefilledFor] = useState<string | null>(null);
  const [lastRequest, setLastRequest] = useState<ScheduleRequest | null>(null);
  const schedule = useScheduleMeeting({ onSuccess: onScheduled });
  const errors = flatErrors(formState.errors);
  const message = (path: string) => messageOf(t, errors[path] ? { message: errors[path] } : undefined) ?? null;

  /** A value from a control the form does not register; after a refused submit, checked again. */
  function set<K extends keyof ScheduleValues>(name: K, value: ScheduleValues[K]) {
    setValue(name, value as never, { shouldDirty: true });
    if (formState.isSubmitted) void trigger();
  }

  // The body's defaults, once per body chosen (later edits are the user's).
  useEffect(() => {
    const b = body.data;
    if (!b || prefilledFor === b.id) return;
    setPrefilledFor(b.id);
    const { start, end } = getValues();
    const startTime = b.default_start_time?.slice(0, 5) ?? start;
    setValue('start', startTime);
    setValue('end', addMinutesToTime(startTime, b.default_duration_minutes ?? minutesBetween(start, end)));
    setValue('place', b.place ?? '');
    setValue('checked', b.members.flatMap((m) => (m.username ? [m.username] : [])));
    setValue('ruleMode', b.default_rrule ? 'body' : 'monthlyNth');
  }, [body.data, prefilledFor, getValues, setValue]);

  const bodyRule = bodyId ? (body.data?.default_rrule ?? null) : null;
  const choice = choiceOf(v);
  const rule = ruleMode === 'body' ? bodyRule : choice ? ruleOf(choice) : null;
  const countNumber = Number(v.count);
  const preview =
    repeat === 'series' && rule && day && countNumber >= 1 ? previewDays(rule, day, Math.min(countNumber, 60)) : null;

  const clashes = clashesOf(schedule.error);
  const unconfirmedBody = unconfirmedBodyOf(schedule.error);
  const members = body.data?.members ?? [];

  function send(request: ScheduleRequest) {
    setLastRequest(request);
    schedule.mutate(request);
  }

  const submit = handleSubmit(
    (request) => send(request),
    () => setRefused((n) => n + 1),
  );
  // After a refused submit (once the messages are on screen) the keyboard goes to the first field to mend.
  const [refused, setRefused] = useState(0);
  useEffect(() => {
    if (refused > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refused]);

  function resendConfirmed() {
    if (!lastRequest) return;
    send({ ...lastRequest, body: { ...lastRequest.body, confirm_clash: true } } as ScheduleRequest);
  }

  /** aria-invalid and aria-describedby (hint first) for a plain control with this id and field. */
  const aria = (controlId: string, path: string, hintId?: string) => {
    const described = [hintId, errors[path] ? `${controlId}-error` : null].filter(Boolean).join(' ');
    return { 'aria-invalid': errors[path] ? true : undefined, 'aria-describedby': described || undefined };
  };
  const errorText = (controlId: string, path: string) =>
    errors[path] ? (
      <p id={`${controlId}-error`} className="field-error">
        {message(path)}
      </p>
    ) : null;

  if (unconfirmedBody !== null) {
    return (
      <ConfidentialityConfirm
        bodyId={unconfirmedBody || bodyId}
        onConfirmed={() => lastRequest && send(lastRequest)}
        onCancel={() => schedule.reset()}
      />
    );
  }

  return (
    <form
      ref={formRef}
      className="card form meetings-schedule"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
    >
      <h2 id={`${id}-title`}>{t('meetings.schedule.title')}</h2>
      {Object.keys(errors).length > 0 && (
        <p role="alert" className="alert">
          {t('dateFields.validation.summary')}
        </p>
      )}

      <div className="field">
        <label htmlFor={`${id}-body`}>{t('meetings.form.body')}</label>
        <select
          id={`${id}-body`}
          value={bodyId}
          onChange={(e) => {
            set('bodyId', e.target.value);
            if (!e.target.value) setPrefilledFor(null);
          }}
        >
          <option value="">{t('meetings.form.noBody')}</option>
          {bodies.data?.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
              {b.confidential ? t('meetings.form.confidentialOption') : ''}
            </option>
          ))}
        </select>
        {body.data?.confidential && <p className="hint meetings-confidential-hint">{t('meetings.form.confidentialHint')}</p>}
      </div>

      {!bodyId && (
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('meetings.form.bodyType')}</label>
          <select
            id={`${id}-type`}
            value={v.bodyType}
            onChange={(e) => set('bodyType', e.target.value as BodyType)}
          >
            {bodyTypes
              .filter((type) => type !== 'shien')
              .map((type) => (
                <option key={type} value={type}>
                  {t(`meetings.bodyType.${type}`)}
                </option>
              ))}
          </select>
        </div>
      )}

      <div className="field">
        <div className="label-row">
          <label htmlFor={`${id}-title-input`}>{t('meetings.form.title')}</label>
          {bodyId ? <span className="tag">{t('meetings.form.optional')}</span> : <span className="tag required">{t('meetings.form.required')}</span>}
        </div>
        <input
          id={`${id}-title-input`}
          value={v.title}
          required={!bodyId}
          maxLength={200}
          onChange={(e) => set('title', e.target.value)}
          {...aria(`${id}-title-input`, 'title', bodyId ? `${id}-title-hint` : undefined)}
        />
        {bodyId && (
          <p id={`${id}-title-hint`} className="hint">
            {t('meetings.form.titleHint', { name: body.data?.name ?? '' })}
          </p>
        )}
        {errorText(`${id}-title-input`, 'title')}
      </div>

      <fieldset className="meetings-fieldset">
        <legend>{t('meetings.form.repeat')}</legend>
        <div className="meetings-radios">
          {(['single', 'series'] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name={`${id}-repeat`}
                value={value}
                checked={repeat === value}
                onChange={() => set('repeat', value)}
              />
              {t(`meetings.form.repeat_${value}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <div className="meetings-row">
        <div className="field">
          <label id={`${id}-date-label`} htmlFor={`${id}-date`}>
            {repeat === 'series' ? t('meetings.form.seriesFrom') : t('meetings.form.date')}
          </label>
          <DateField
            id={`${id}-date`}
            required
            value={day}
            onChange={(next) => set('day', next)}
            // An impossible day the field says itself, in its own words.
            error={errors.day === 'dateFields.validation.invalid' ? null : message('day')}
          />
        </div>
        <div className="field">
          <label id={`${id}-start-label`} htmlFor={`${id}-start`}>
            {t('meetings.form.start')}
          </label>
          <TimeField id={`${id}-start`} required value={v.start} onChange={(next) => set('start', next)} error={message('start')} />
        </div>
        <div className="field">
          <label id={`${id}-end-label`} htmlFor={`${id}-end`}>
            {t('meetings.form.end')}
          </label>
          <TimeField id={`${id}-end`} required value={v.end} onChange={(next) => set('end', next)} error={message('end')} />
        </div>
      </div>
      <p className="hint">{t('meetings.form.tokyoHint')}</p>

      {repeat === 'series' && (
        <fieldset className="meetings-fieldset">
          <legend>{t('meetings.form.rule')}</legend>
          <div className="meetings-row">
            <div className="field">
              <label htmlFor={`${id}-rule`}>{t('meetings.form.ruleKind')}</label>
              <select id={`${id}-rule`} value={ruleMode} onChange={(e) => set('ruleMode', e.target.value as RuleMode)}>
                {RULE_MODES.filter((mode) => mode !== 'body' || bodyRule).map((mode) => (
                  <option key={mode} value={mode}>
                    {mode === 'body'
                      ? t('meetings.form.rule_body', { rule: describeRule(bodyRule, t) })
                      : t(`meetings.form.rule_${mode}`)}
                  </option>
                ))}
              </select>
            </div>
            {ruleMode === 'monthlyNth' && (
              <div className="field">
                <label htmlFor={`${id}-nth`}>{t('meetings.form.nth')}</label>
                <select id={`${id}-nth`} value={v.nth} onChange={(e) => set('nth', Number(e.target.value))}>
                  {[1, 2, 3, 4, -1].map((n) => (
                    <option key={n} value={n}>
                      {n === -1 ? t('rrule.last') : t('rrule.nth', { n })}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {(ruleMode === 'monthlyNth' || ruleMode === 'weekly' || ruleMode === 'biweekly') && (
              <div className="field">
                <label htmlFor={`${id}-weekday`}>{t('meetings.form.weekday')}</label>
                <select id={`${id}-weekday`} value={v.weekday} onChange={(e) => set('weekday', Number(e.target.value))}>
                  {[1, 2, 3, 4, 5, 6, 0].map((d) => (
                    <option key={d} value={d}>
                      {t(`rrule.weekday.${d}` as 'rrule.weekday.0')}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {ruleMode === 'monthlyDay' && (
              <div className="field">
                <label htmlFor={`${id}-monthday`}>{t('meetings.form.monthDay')}</label>
                <input
                  id={`${id}-monthday`}
                  type="number"
                  min={1}
                  max={31}
                  value={v.monthDay}
                  onChange={(e) => set('monthDay', Number(e.target.value))}
                  {...aria(`${id}-monthday`, 'monthDay')}
                />
                {errorText(`${id}-monthday`, 'monthDay')}
              </div>
            )}
            <div className="field">
              <label htmlFor={`${id}-count`}>{t('meetings.form.count')}</label>
              <input
                id={`${id}-count`}
                type="number"
                min={1}
                max={60}
                required
                {...register('count')}
                {...aria(`${id}-count`, 'count')}
              />
              {errorText(`${id}-count`, 'count')}
            </div>
          </div>
          {ruleMode === 'custom' && (
            <div className="field">
              <label htmlFor={`${id}-rrule`}>{t('meetings.form.rrule')}</label>
              <input
                id={`${id}-rrule`}
                required
                spellCheck={false}
                placeholder="FREQ=MONTHLY;BYDAY=2TU"
                {...register('customRule')}
                {...aria(`${id}-rrule`, 'customRule', `${id}-rrule-hint`)}
              />
              <p id={`${id}-rrule-hint`} className="hint">
                {t('meetings.form.rruleHint')}
              </p>
              {errorText(`${id}-rrule`, 'customRule')}
            </div>
          )}
          <p className="meetings-preview" aria-live="polite">
            {rule && <>{t('meetings.form.ruleReads', { rule: describeRule(rule, t) })} </>}
            {preview && preview.length > 0 && (
              <>
                {t('meetings.form.preview', {
                  days: preview.slice(0, 6).map(dayLabelJa).join('、'),
                  count: preview.length,
                })}
                {preview.length > 6 && t('meetings.form.previewMore', { count: preview.length - 6 })}
              </>
            )}
            {rule && preview === null && t('meetings.form.noPreview')}
          </p>
        </fieldset>
      )}

      <div className="meetings-row">
        <div className="field">
          <label htmlFor={`${id}-place`}>{t('meetings.form.place')}</label>
          <input id={`${id}-place`} maxLength={200} {...register('place')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-url`}>{t('meetings.form.onlineUrl')}</label>
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            placeholder="https://"
            {...register('onlineUrl')}
            {...aria(`${id}-url`, 'onlineUrl')}
          />
          {errorText(`${id}-url`, 'onlineUrl')}
        </div>
      </div>

      <ParticipantsField
        members={members}
        checked={v.checked}
        onCheckedChange={(next) => set('checked', next)}
        extra={v.extra}
        onExtraChange={(next) => set('extra', next)}
        confidential={Boolean(body.data?.confidential)}
      />

      {clashes ? (
        <ClashWarning
          clashes={clashes}
          series={repeat === 'series'}
          pending={schedule.isPending}
          onConfirm={resendConfirmed}
          onDismiss={() => schedule.reset()}
        />
      ) : (
        <ProblemAlert error={schedule.error} failed={t('meetings.schedule.failed')} />
      )}

      <div className="actions">
        <button type="submit" className="button primary" disabled={schedule.isPending || Boolean(clashes)}>
          {t('meetings.schedule.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('meetings.schedule.cancel')}
        </button>
      </div>
    </form>
  );
}
