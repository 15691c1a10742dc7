import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/shared/auth/current-user';
import { DATE_INCOMPLETE, flatErrors, messageOf } from '@/shared/forms/zod-form';
import { DateField } from '@/shared/ui/date-fields';
import { DESK_STAFF_ROLES } from '@/shared/users/search';
import { StaffPicker } from '@/shared/users/staff-picker';
import { useAreas } from '../api/get-areas';
import { OpenCaseError, useOpenCaseWithHousehold } from '../api/open-case';
import { relationships, type Case, type Relationship } from '../api/types';
import { familyName, todayInTokyo } from '../utils/dates';
import {
  blankMember,
  caseNewSchema,
  type CaseNewSent,
  type CaseNewValues,
} from '../utils/case-new-schema';
import { ProblemAlert } from './problem-alert';

type Props = { onCreated: (created: Case) => void; onCancel: () => void };

/** 「ケースを開始」: a household with its members, then the case on it. */
export function CaseNewForm({ onCreated, onCancel }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const areas = useAreas();
  const formRef = useRef<HTMLFormElement>(null);
  const nextKey = useRef(2);
  const today = todayInTokyo();

  const titleFor = (name: string) => (name.trim() ? t('cases.new.defaultTitle', { name: familyName(name.trim()) }) : '');
  const defaultArea = me.data?.area ?? '';
  const defaultLead = me.data?.role === 'csw' ? me.data.username : '';
  const schema = caseNewSchema({ titleFor, area: defaultArea, lead: defaultLead, today });

  // noValidate: what is missing is said inline, in the app's words, not in the browser's popups.
  const form = useForm<CaseNewValues, unknown, CaseNewSent>({
    resolver: zodResolver(schema),
    defaultValues: {
      members: [blankMember(1, 'self')],
      primaryKey: 1,
      title: null,
      area: null,
      lead: null,
    },
    shouldFocusError: false,
  });
  const { register, control, watch, setValue, handleSubmit, trigger, formState } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'members', keyName: 'fieldId' });
  const values = watch();
  const members = values.members;

  const open = useOpenCaseWithHousehold({ onSuccess: onCreated });

  const titleValue = values.title ?? titleFor(members[0]?.name ?? '');
  const areaValue = values.area ?? defaultArea;
  const leadValue = values.lead ?? defaultLead;

  const errors = flatErrors(formState.errors);
  const message = (path: string) => messageOf(t, errors[path] ? { message: errors[path] } : undefined);

  /** A value from a control the form does not register; after a refused submit, checked again. */
  function set<K extends keyof CaseNewValues>(name: K, value: CaseNewValues[K]) {
    setValue(name, value as never, { shouldDirty: true });
    if (formState.isSubmitted) void trigger();
  }

  function addMember() {
    append(blankMember(nextKey.current++, 'parent'));
  }

  function removeMember(index: number) {
    const key = members[index]?.key;
    const rest = members.filter((_, i) => i !== index);
    remove(index);
    if (key === values.primaryKey && rest[0]) set('primaryKey', rest[0].key);
  }

  const send = handleSubmit(
    (input) => open.mutate(input),
    () => setRefused((n) => n + 1),
  );
  // After a refused submit (once the messages are on screen) the keyboard goes to the first field to mend.
  const [refused, setRefused] = useState(0);
  useEffect(() => {
    if (refused > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refused]);

  /** aria-invalid and aria-describedby for a plain control with this id and error path. */
  const aria = (id: string, path: string, hintId?: string) => {
    const described = [hintId, errors[path] ? `${id}-error` : null].filter(Boolean).join(' ');
    return { 'aria-invalid': errors[path] ? true : undefined, 'aria-describedby': described || undefined };
  };
  const errorText = (id: string, path: string) =>
    errors[path] ? (
      <p id={`${id}-error`} className="field-error">
        {message(path)}
      </p>
    ) : null;

  /** 'members.1.person.name_kana' → 「世帯員 2 フリガナ」. */
  const fieldLabel = (loc: (string | number)[]): string | null => {
    const path = loc.filter((part) => part !== 'body');
    const last = path.at(-1);
    const fieldNames: Record<string, string> = {
      name: t('cases.new.name'),
      name_kana: t('cases.new.kana'),
      birth_date: t('cases.new.birthDate'),
      relationship: t('cases.new.relationship'),
      title: t('cases.new.caseTitle'),
      area: t('cases.fields.area'),
      lead_username: t('cases.fields.lead'),
    };
    const field = typeof last === 'string' ? fieldNames[last] : undefined;
    if (path[0] === 'members' && typeof path[1] === 'number') {
      return `${t('cases.new.member', { n: path[1] + 1 })} ${field ?? ''}`.trim();
    }
    if (open.error instanceof OpenCaseError && open.error.step === 'household' && last === 'name') {
      return t('cases.new.caseTitle');
    }
    return field ?? null;
  };

  const error = open.error instanceof OpenCaseError ? open.error.cause : open.error;

  return (
    <form
      ref={formRef}
      className="card form cases-new"
      onSubmit={send}
      aria-describedby="cases-new-hint"
      noValidate
    >
      <p id="cases-new-hint" className="hint">
        {t('cases.new.hint')}
      </p>
      {error != null && (
        <ProblemAlert
          error={error}
          fieldLabel={fieldLabel}
          failed={
            open.householdWritten ? t('cases.new.caseFailed') : t('cases.new.householdFailed')
          }
        />
      )}
      {Object.keys(errors).length > 0 && (
        <p role="alert" className="alert">
          {t('dateFields.validation.summary')}
        </p>
      )}

      <fieldset className="cases-members">
        <legend>{t('cases.new.members')}</legend>
        {fields.map((field, index) => {
          const row = members[index] ?? field;
          const base = `cases-new-member-${row.key}`;
          const at = (name: string) => `members.${index}.${name}`;
          const birthError = errors[at('birthDate')];
          return (
            <fieldset key={field.fieldId} className="cases-member">
              <legend>{t('cases.new.member', { n: index + 1 })}</legend>
              <div className="field">
                <div className="label-row">
                  <label htmlFor={`${base}-name`}>{t('cases.new.name')}</label>
                  <span className="tag required">{t('cases.required')}</span>
                </div>
                <input
                  id={`${base}-name`}
                  required
                  maxLength={400}
                  autoComplete="off"
                  {...register(`members.${index}.name`)}
                  {...aria(`${base}-name`, at('name'))}
                />
                {errorText(`${base}-name`, at('name'))}
              </div>
              <div className="field">
                <label htmlFor={`${base}-kana`}>{t('cases.new.kana')}</label>
                <input
                  id={`${base}-kana`}
                  maxLength={400}
                  autoComplete="off"
                  aria-describedby={`${base}-kana-hint`}
                  {...register(`members.${index}.kana`)}
                />
                <p id={`${base}-kana-hint`} className="hint">
                  {t('cases.new.kanaHint')}
                </p>
              </div>
              <div className="field">
                <label id={`${base}-birth-label`} htmlFor={`${base}-birth`}>
                  {t('cases.new.birthDate')}
                </label>
                <DateField
                  id={`${base}-birth`}
                  fromYear={1900}
                  max={today}
                  clearable
                  value={row.birthDate}
                  onChange={(birthDate) => {
                    setValue(`members.${index}.birthDate`, birthDate, { shouldDirty: true });
                    if (formState.isSubmitted) void trigger();
                  }}
                  // The field says an impossible or too late day itself; a half-chosen one once sent.
                  error={birthError === DATE_INCOMPLETE ? message(at('birthDate')) : null}
                />
              </div>
              <div className="field">
                <label htmlFor={`${base}-rel`}>{t('cases.new.relationship')}</label>
                <select
                  id={`${base}-rel`}
                  value={row.relationship}
                  onChange={(e) =>
                    setValue(`members.${index}.relationship`, e.target.value as Relationship, { shouldDirty: true })
                  }
                >
                  {relationships.map((r) => (
                    <option key={r} value={r}>
                      {t(`cases.relationship.${r}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="cases-member-tools">
                <label className="cases-check">
                  <input
                    type="radio"
                    name="cases-new-primary"
                    checked={row.key === values.primaryKey}
                    onChange={() => set('primaryKey', row.key)}
                  />
                  {t('cases.new.primary')}
                </label>
                {members.length > 1 && (
                  <button type="button" className="button" onClick={() => removeMember(index)}>
                    {t('cases.new.removeMember', { n: index + 1 })}
                  </button>
                )}
              </div>
            </fieldset>
          );
        })}
        <button type="button" className="button" onClick={addMember}>
          {t('cases.new.addMember')}
        </button>
      </fieldset>

      <div className="field">
        <div className="label-row">
          <label htmlFor="cases-new-title">{t('cases.new.caseTitle')}</label>
          <span className="tag required">{t('cases.required')}</span>
        </div>
        <input
          id="cases-new-title"
          required
          maxLength={400}
          value={titleValue}
          onChange={(e) => set('title', e.target.value)}
          {...aria('cases-new-title', 'title', 'cases-new-title-hint')}
        />
        <p id="cases-new-title-hint" className="hint">
          {t('cases.new.titleHint')}
        </p>
        {errorText('cases-new-title', 'title')}
      </div>

      <div className="field">
        <div className="label-row">
          <label htmlFor="cases-new-area">{t('cases.fields.area')}</label>
          <span className="tag required">{t('cases.required')}</span>
        </div>
        <select
          id="cases-new-area"
          required
          value={areaValue}
          onChange={(e) => set('area', e.target.value)}
          {...aria('cases-new-area', 'area')}
        >
          <option value="">{t('cases.choose')}</option>
          {areas.data?.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </select>
        {errorText('cases-new-area', 'area')}
      </div>

      <div className="field">
        <StaffPicker
          id="cases-new-lead"
          label={t('cases.fields.lead')}
          value={leadValue}
          onChange={(lead) => set('lead', lead)}
          roles={DESK_STAFF_ROLES}
          hint={t('staffPicker.leadHint')}
        />
      </div>

      <div className="actions">
        <button type="submit" className="button primary" disabled={open.isPending}>
          {t('cases.new.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('cases.cancel')}
        </button>
      </div>
    </form>
  );
}
