import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/shared/auth/current-user';
import { describeRule, normaliseRule } from '@/shared/utils/rrule';
import { useAreas, useCreateBody, useUpdateBody, type BodyWithEtag } from '../api/bodies';
import { bodyTypes, type BodyDetail, type BodyType, type BodyUpdate } from '../api/types';
import { RULE_PRESETS } from '../utils/rule-presets';
import { TimeField } from '@/shared/ui/date-fields';
import { ProblemAlert } from './problem-alert';

type Props = {
  /** The body being edited; a new one is set up without it. */
  current?: BodyWithEtag;
  onSaved: (body: BodyDetail) => void;
  onCancel: () => void;
  onReload?: () => void;
};

const NONE = '';
const CUSTOM = 'custom';

/** Set up or change a body: type, name, area, default recurrence, time, length and place. */
export function BodyForm({ current, onSaved, onCancel, onReload }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const me = useCurrentUser();
  const areas = useAreas();
  const initial = current?.body;
  const initialRule = initial?.default_rrule ?? '';
  const isPreset = (RULE_PRESETS as readonly string[]).includes(initialRule);
  const [type, setType] = useState<BodyType>(initial?.type ?? 'case_conference');
  const [name, setName] = useState(initial?.name ?? '');
  const [area, setArea] = useState(initial?.area ?? '');
  const [ruleChoice, setRuleChoice] = useState(initialRule === '' ? NONE : isPreset ? initialRule : CUSTOM);
  const [customRule, setCustomRule] = useState(isPreset ? '' : initialRule);
  const [startTime, setStartTime] = useState(initial?.default_start_time?.slice(0, 5) ?? '');
  const [duration, setDuration] = useState(initial?.default_duration_minutes?.toString() ?? '');
  const [place, setPlace] = useState(initial?.place ?? '');
  const [joinAsChair, setJoinAsChair] = useState(true);
  const create = useCreateBody({ onSuccess: onSaved });
  const update = useUpdateBody({ onSuccess: () => initial && onSaved(initial) });
  const mutation = current ? update : create;

  const rule = ruleChoice === CUSTOM ? normaliseRule(customRule) : ruleChoice;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = {
      name: name.trim(),
      area: area || null,
      default_rrule: rule || null,
      default_start_time: startTime || null,
      default_duration_minutes: duration ? Number(duration) : null,
      place: place.trim() || null,
    };
    if (!current) {
      const members =
        joinAsChair && me.data ? [{ kind: 'staff' as const, username: me.data.username, role: 'chair' as const }] : [];
      create.mutate({ ...values, type, members });
      return;
    }
    // Only what changed: null clears an optional field.
    const body: BodyUpdate = {};
    const was = current.body;
    if (values.name !== was.name) body.name = values.name;
    if (values.area !== was.area) body.area = values.area;
    if (values.default_rrule !== was.default_rrule) body.default_rrule = values.default_rrule;
    if (values.default_start_time !== (was.default_start_time?.slice(0, 5) ?? null)) {
      body.default_start_time = values.default_start_time;
    }
    if (values.default_duration_minutes !== was.default_duration_minutes) {
      body.default_duration_minutes = values.default_duration_minutes;
    }
    if (values.place !== was.place) body.place = values.place;
    update.mutate({ bodyId: was.id, etag: current.etag, body });
  }

  return (
    <form className="card form meetings-body-form" onSubmit={handleSubmit}>
      {!current && (
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('meetingBodies.form.type')}</label>
          <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as BodyType)}>
            {bodyTypes.map((bt) => (
              <option key={bt} value={bt}>
                {t(`meetingBodies.type.${bt}`)}
              </option>
            ))}
          </select>
          {type === 'shien' && <p className="hint meetings-confidential-hint">{t('meetingBodies.form.shienHint')}</p>}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('meetingBodies.form.name')}</label>
        <input id={`${id}-name`} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-area`}>{t('meetingBodies.form.area')}</label>
        <select id={`${id}-area`} value={area} onChange={(e) => setArea(e.target.value)}>
          <option value="">{t('meetingBodies.form.citywide')}</option>
          {areas.data?.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-rule`}>{t('meetingBodies.form.rule')}</label>
        <select id={`${id}-rule`} value={ruleChoice} onChange={(e) => setRuleChoice(e.target.value)}>
          <option value={NONE}>{t('rrule.none')}</option>
          {RULE_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {describeRule(preset, t)}
            </option>
          ))}
          <option value={CUSTOM}>{t('meetingBodies.form.customRule')}</option>
        </select>
      </div>
      {ruleChoice === CUSTOM && (
        <div className="field">
          <label htmlFor={`${id}-rrule`}>{t('meetingBodies.form.rrule')}</label>
          <input
            id={`${id}-rrule`}
            required
            spellCheck={false}
            placeholder="FREQ=MONTHLY;BYDAY=2TU"
            value={customRule}
            onChange={(e) => setCustomRule(e.target.value)}
            aria-describedby={`${id}-rrule-hint`}
          />
          <p id={`${id}-rrule-hint`} className="hint">
            {t('meetingBodies.form.rruleHint')}
            {customRule.trim() && ` ${t('meetingBodies.form.reads', { rule: describeRule(customRule, t) })}`}
          </p>
        </div>
      )}
      <div className="meetings-row">
        <div className="field">
          <label id={`${id}-time-label`} htmlFor={`${id}-time`}>
            {t('meetingBodies.form.startTime')}
          </label>
          <TimeField id={`${id}-time`} value={startTime} onChange={setStartTime} clearable />
        </div>
        <div className="field">
          <label htmlFor={`${id}-duration`}>{t('meetingBodies.form.duration')}</label>
          <input
            id={`${id}-duration`}
            type="number"
            min={5}
            max={1440}
            step={5}
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-place`}>{t('meetingBodies.form.place')}</label>
        <input id={`${id}-place`} maxLength={200} value={place} onChange={(e) => setPlace(e.target.value)} />
      </div>
      {!current && me.data && (
        <div className="meetings-check-inline">
          <input
            id={`${id}-join`}
            type="checkbox"
            checked={joinAsChair}
            onChange={(e) => setJoinAsChair(e.target.checked)}
          />
          <label htmlFor={`${id}-join`}>{t('meetingBodies.form.joinAsChair', { name: me.data.display_name })}</label>
        </div>
      )}
      <ProblemAlert error={mutation.error} failed={t('meetingBodies.form.failed')} onReload={onReload} />
      <div className="actions">
        <button type="submit" className="button primary" disabled={mutation.isPending}>
          {current ? t('meetingBodies.form.save') : t('meetingBodies.form.create')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('meetingBodies.form.cancel')}
        </button>
      </div>
    </form>
  );
}
