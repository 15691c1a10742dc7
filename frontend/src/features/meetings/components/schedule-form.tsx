import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBodies, useBody } from '../api/get-bodies';
import { useScheduleMeeting, type ScheduleRequest } from '../api/schedule-meeting';
import { bodyTypes, type BodyType, type Meeting } from '../api/types';
import { clashesOf, unconfirmedBodyOf } from '../utils/problems';
import { describeRule } from '@/shared/utils/rrule';
import { previewDays, ruleOf, type RuleChoice } from '../utils/rrule';
import { addMinutesToTime, dayLabelJa, minutesBetween, tokyoIso, type Day } from '../utils/tokyo';
import { ClashWarning } from './clash-warning';
import { ConfidentialityConfirm } from './confidentiality-confirm';
import { ParticipantsField, splitUsernames } from './participants-field';
import { ProblemAlert } from './problem-alert';

type Props = {
  defaultBodyId: string;
  defaultDay: Day;
  onScheduled: (created: Meeting[]) => void;
  onCancel: () => void;
};

type RuleMode = 'body' | 'monthlyNth' | 'weekly' | 'biweekly' | 'monthlyDay' | 'custom';
const RULE_MODES: RuleMode[] = ['body', 'monthlyNth', 'weekly', 'biweekly', 'monthlyDay', 'custom'];

/** 「会議を予定する」: one meeting or a series, with the body's defaults filled in. */
export function ScheduleForm({ defaultBodyId, defaultDay, onScheduled, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const bodies = useBodies();
  const [bodyId, setBodyId] = useState(defaultBodyId);
  const body = useBody(bodyId || null);
  const [bodyType, setBodyType] = useState<BodyType>('case_conference');
  const [title, setTitle] = useState('');
  const [repeat, setRepeat] = useState<'single' | 'series'>('single');
  const [day, setDay] = useState<Day>(defaultDay);
  const [start, setStart] = useState('14:00');
  const [end, setEnd] = useState('15:00');
  const [ruleMode, setRuleMode] = useState<RuleMode>('monthlyNth');
  const [nth, setNth] = useState(2);
  const [weekday, setWeekday] = useState(2);
  const [monthDay, setMonthDay] = useState(1);
  const [customRule, setCustomRule] = useState('');
  const [count, setCount] = useState('12');
  const [place, setPlace] = useState('');
  const [onlineUrl, setOnlineUrl] = useState('');
  const [checked, setChecked] = useState<string[]>([]);
  const [extra, setExtra] = useState('');
  const [prefilledFor, setPrefilledFor] = useState<string | null>(null);
  const [lastRequest, setLastRequest] = useState<ScheduleRequest | null>(null);
  const schedule = useScheduleMeeting({ onSuccess: onScheduled });

  // The body's defaults, once per body chosen (later edits are the user's).
  if (body.data && prefilledFor !== body.data.id) {
    const b = body.data;
    setPrefilledFor(b.id);
    const startTime = b.default_start_time?.slice(0, 5) ?? start;
    setStart(startTime);
    setEnd(addMinutesToTime(startTime, b.default_duration_minutes ?? minutesBetween(start, end)));
    setPlace(b.place ?? '');
    setChecked(b.members.flatMap((m) => (m.username ? [m.username] : [])));
    setRuleMode(b.default_rrule ? 'body' : 'monthlyNth');
  }

  const bodyRule = bodyId ? (body.data?.default_rrule ?? null) : null;
  const choice: RuleChoice | null =
    ruleMode === 'monthlyNth'
      ? { kind: 'monthlyNth', nth, weekday }
      : ruleMode === 'weekly' || ruleMode === 'biweekly'
        ? { kind: 'weekly', interval: ruleMode === 'biweekly' ? 2 : 1, weekday }
        : ruleMode === 'monthlyDay'
          ? { kind: 'monthlyDay', monthDay }
          : ruleMode === 'custom'
            ? { kind: 'custom', rule: customRule }
            : null;
  const rule = ruleMode === 'body' ? bodyRule : choice ? ruleOf(choice) : null;
  const countNumber = Number(count);
  const preview =
    repeat === 'series' && rule && day && countNumber >= 1 ? previewDays(rule, day, Math.min(countNumber, 60)) : null;

  const clashes = clashesOf(schedule.error);
  const unconfirmedBody = unconfirmedBodyOf(schedule.error);
  const members = body.data?.members ?? [];

  function build(confirmClash: boolean): ScheduleRequest {
    const participants = [...new Set([...checked, ...splitUsernames(extra)])];
    const common = {
      body_id: bodyId || null,
      ...(bodyId ? {} : { body_type: bodyType }),
      title: title.trim() || null,
      starts_at: tokyoIso(day, start),
      ends_at: tokyoIso(day, end),
      place: place.trim() || null,
      online_url: onlineUrl.trim() || null,
      participants,
      confirm_clash: confirmClash,
    };
    if (repeat === 'single') return { kind: 'single', body: common };
    return {
      kind: 'series',
      body: { ...common, rrule: ruleMode === 'body' ? null : rule, count: countNumber || null },
    };
  }

  function send(request: ScheduleRequest) {
    setLastRequest(request);
    schedule.mutate(request);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send(build(false));
  }

  function resendConfirmed() {
    if (!lastRequest) return;
    send({ ...lastRequest, body: { ...lastRequest.body, confirm_clash: true } } as ScheduleRequest);
  }

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
    <form className="card form meetings-schedule" onSubmit={handleSubmit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('meetings.schedule.title')}</h2>

      <div className="field">
        <label htmlFor={`${id}-body`}>{t('meetings.form.body')}</label>
        <select
          id={`${id}-body`}
          value={bodyId}
          onChange={(e) => {
            setBodyId(e.target.value);
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
          <select id={`${id}-type`} value={bodyType} onChange={(e) => setBodyType(e.target.value as BodyType)}>
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
          value={title}
          required={!bodyId}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
          aria-describedby={bodyId ? `${id}-title-hint` : undefined}
        />
        {bodyId && (
          <p id={`${id}-title-hint`} className="hint">
            {t('meetings.form.titleHint', { name: body.data?.name ?? '' })}
          </p>
        )}
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
                onChange={() => setRepeat(value)}
              />
              {t(`meetings.form.repeat_${value}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <div className="meetings-row">
        <div className="field">
          <label htmlFor={`${id}-date`}>{repeat === 'series' ? t('meetings.form.seriesFrom') : t('meetings.form.date')}</label>
          <input id={`${id}-date`} type="date" required value={day} onChange={(e) => setDay(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-start`}>{t('meetings.form.start')}</label>
          <input id={`${id}-start`} type="time" required value={start} onChange={(e) => setStart(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-end`}>{t('meetings.form.end')}</label>
          <input id={`${id}-end`} type="time" required value={end} onChange={(e) => setEnd(e.target.value)} />
        </div>
      </div>
      <p className="hint">{t('meetings.form.tokyoHint')}</p>

      {repeat === 'series' && (
        <fieldset className="meetings-fieldset">
          <legend>{t('meetings.form.rule')}</legend>
          <div className="meetings-row">
            <div className="field">
              <label htmlFor={`${id}-rule`}>{t('meetings.form.ruleKind')}</label>
              <select id={`${id}-rule`} value={ruleMode} onChange={(e) => setRuleMode(e.target.value as RuleMode)}>
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
                <select id={`${id}-nth`} value={nth} onChange={(e) => setNth(Number(e.target.value))}>
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
                <select id={`${id}-weekday`} value={weekday} onChange={(e) => setWeekday(Number(e.target.value))}>
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
                  value={monthDay}
                  onChange={(e) => setMonthDay(Number(e.target.value))}
                />
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
                value={count}
                onChange={(e) => setCount(e.target.value)}
              />
            </div>
          </div>
          {ruleMode === 'custom' && (
            <div className="field">
              <label htmlFor={`${id}-rrule`}>{t('meetings.form.rrule')}</label>
              <input
                id={`${id}-rrule`}
                value={customRule}
                required
                spellCheck={false}
                placeholder="FREQ=MONTHLY;BYDAY=2TU"
                onChange={(e) => setCustomRule(e.target.value)}
                aria-describedby={`${id}-rrule-hint`}
              />
              <p id={`${id}-rrule-hint`} className="hint">
                {t('meetings.form.rruleHint')}
              </p>
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
          <input id={`${id}-place`} value={place} maxLength={200} onChange={(e) => setPlace(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-url`}>{t('meetings.form.onlineUrl')}</label>
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            placeholder="https://"
            value={onlineUrl}
            onChange={(e) => setOnlineUrl(e.target.value)}
          />
        </div>
      </div>

      <ParticipantsField
        members={members}
        checked={checked}
        onCheckedChange={setChecked}
        extra={extra}
        onExtraChange={setExtra}
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
