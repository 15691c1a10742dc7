import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DATE_INCOMPLETE, messageOf } from '@/shared/forms/zod-form';
import { DateField } from '@/shared/ui/date-fields';
import { todayForDateInput } from '@/shared/utils/datetime';
import { DESK_STAFF_ROLES } from '@/shared/users/search';
import { StaffPicker } from '@/shared/users/staff-picker';
import type { Candidate } from '../api/get-candidates';
import type { Relationship } from '../api/triage';
import {
  emptyMember,
  memberSexes as sexes,
  relationships,
  type MemberDraft,
  type TriageFormValues,
} from '../utils/triage-schema';

type Props = {
  idPrefix: string;
  candidates: Candidate[];
};

/** The new case: title, lead and the household's members (new persons or matched ones). */
export function NewCaseFields({ idPrefix, candidates }: Props) {
  const { t } = useTranslation();
  const { register, control, watch, setValue, formState } = useFormContext<TriageFormValues>();
  const { fields, append, remove: removeAt } = useFieldArray({ control, name: 'newCase.members' });
  const draft = watch('newCase');
  const errors = formState.errors.newCase;
  const opts = { shouldDirty: true, shouldValidate: formState.isSubmitted };
  const setMember = (index: number, patch: Partial<MemberDraft>) => {
    for (const [field, value] of Object.entries(patch)) {
      setValue(`newCase.members.${index}.${field as keyof MemberDraft}`, value as never, opts);
    }
  };
  const remove = (index: number) => {
    const key = draft.members[index]?.key;
    const rest = draft.members.filter((_, i) => i !== index);
    removeAt(index);
    if (draft.primaryKey === key) setValue('newCase.primaryKey', rest[0]?.key ?? '', opts);
  };
  /** aria-invalid, aria-describedby (hint first) and the message under a control. */
  const problem = (controlId: string, error: { message?: string } | undefined, hintId?: string) => {
    const described = [hintId, error ? `${controlId}-error` : null].filter(Boolean).join(' ');
    return {
      aria: { 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined },
      text: error ? (
        <p id={`${controlId}-error`} className="field-error">
          {messageOf(t, error)}
        </p>
      ) : null,
    };
  };
  const titleProblem = problem(`${idPrefix}-title`, errors?.title, `${idPrefix}-title-hint`);

  return (
    <div className="triage-new-case">
      <div className="field">
        <div className="label-row">
          <label htmlFor={`${idPrefix}-title`}>{t('triage.newCase.title')}</label>
          <span className="tag required">{t('triage.required')}</span>
        </div>
        <input
          id={`${idPrefix}-title`}
          required
          maxLength={200}
          autoComplete="off"
          {...register('newCase.title')}
          {...titleProblem.aria}
        />
        <p id={`${idPrefix}-title-hint`} className="hint">
          {t('triage.newCase.titleHint')}
        </p>
        {titleProblem.text}
      </div>
      <div className="field">
        <StaffPicker
          id={`${idPrefix}-lead`}
          label={t('triage.newCase.lead')}
          value={draft.lead}
          onChange={(lead) => setValue('newCase.lead', lead, opts)}
          roles={DESK_STAFF_ROLES}
          hint={t('staffPicker.leadHint')}
        />
      </div>
      <div className="field">
        <div className="label-row">
          <label htmlFor={`${idPrefix}-household`}>{t('triage.newCase.householdName')}</label>
          <span className="tag">{t('triage.optional')}</span>
        </div>
        <input
          id={`${idPrefix}-household`}
          autoComplete="off"
          maxLength={300}
          {...register('newCase.householdName')}
          aria-describedby={`${idPrefix}-household-hint`}
        />
        <p id={`${idPrefix}-household-hint`} className="hint">
          {t('triage.newCase.householdHint')}
        </p>
      </div>

      {fields.map((field, index) => {
        const member = draft.members[index] ?? field;
        const p = `${idPrefix}-${member.key}`;
        const memberErrors = errors?.members?.[index];
        const nameProblem = problem(`${p}-name`, memberErrors?.name, `${p}-name-hint`);
        const personProblem = problem(`${p}-person`, memberErrors?.personId);
        const birthError = memberErrors?.birthDate;
        return (
          <fieldset key={field.id} className="triage-member">
            <legend>{t('triage.newCase.member', { n: index + 1 })}</legend>
            {candidates.length > 0 && (
              <div className="triage-choice">
                <label>
                  <input
                    type="radio"
                    name={`${p}-mode`}
                    checked={member.mode === 'new'}
                    onChange={() => setMember(index, { mode: 'new' })}
                  />
                  {t('triage.newCase.modeNew')}
                </label>
                <label>
                  <input
                    type="radio"
                    name={`${p}-mode`}
                    checked={member.mode === 'existing'}
                    onChange={() =>
                      setMember(index, {
                        mode: 'existing',
                        personId: member.personId || (candidates[0]?.person.id ?? ''),
                      })
                    }
                  />
                  {t('triage.newCase.modeExisting')}
                </label>
              </div>
            )}
            {member.mode === 'existing' ? (
              <div className="field">
                <label htmlFor={`${p}-person`}>{t('triage.newCase.existingPerson')}</label>
                <select
                  id={`${p}-person`}
                  required
                  value={member.personId}
                  onChange={(e) => setMember(index, { personId: e.target.value })}
                  {...personProblem.aria}
                >
                  {candidates.map((c) => (
                    <option key={c.person.id} value={c.person.id}>
                      {c.person.name}
                      {c.person.name_kana ? `（${c.person.name_kana}）` : ''}
                      {c.person.birth_date ? ` ${c.person.birth_date}` : ''}
                    </option>
                  ))}
                </select>
                {personProblem.text}
              </div>
            ) : (
              <div className="triage-member-grid">
                <div className="field">
                  <div className="label-row">
                    <label htmlFor={`${p}-name`}>{t('triage.newCase.name')}</label>
                    <span className="tag required">{t('triage.required')}</span>
                  </div>
                  <input
                    id={`${p}-name`}
                    required
                    autoComplete="off"
                    maxLength={200}
                    {...register(`newCase.members.${index}.name`)}
                    {...nameProblem.aria}
                  />
                  <p id={`${p}-name-hint`} className="hint">
                    {t('triage.newCase.nameHint')}
                  </p>
                  {nameProblem.text}
                </div>
                <div className="field">
                  <label htmlFor={`${p}-kana`}>{t('triage.newCase.kana')}</label>
                  <input
                    id={`${p}-kana`}
                    autoComplete="off"
                    {...register(`newCase.members.${index}.kana`)}
                  />
                </div>
                <div className="field">
                  <label id={`${p}-birth-label`} htmlFor={`${p}-birth`}>
                    {t('triage.newCase.birthDate')}
                  </label>
                  <DateField
                    id={`${p}-birth`}
                    fromYear={1900}
                    max={todayForDateInput()}
                    clearable
                    value={member.birthDate}
                    onChange={(birthDate) => setMember(index, { birthDate })}
                    // The field says an impossible or too late day itself; a half-chosen one once sent.
                    error={birthError?.message === DATE_INCOMPLETE ? messageOf(t, birthError) : null}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${p}-sex`}>{t('triage.newCase.sex')}</label>
                  <select
                    id={`${p}-sex`}
                    {...register(`newCase.members.${index}.sex`)}
                  >
                    <option value="">{t('triage.notEntered')}</option>
                    {sexes.map((s) => (
                      <option key={s} value={s}>
                        {t(`triage.sex.${s}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field triage-wide">
                  <label htmlFor={`${p}-address`}>{t('triage.newCase.address')}</label>
                  <input
                    id={`${p}-address`}
                    autoComplete="off"
                    maxLength={300}
                    {...register(`newCase.members.${index}.address`)}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${p}-phone`}>{t('triage.newCase.phone')}</label>
                  <input
                    id={`${p}-phone`}
                    type="tel"
                    autoComplete="off"
                    {...register(`newCase.members.${index}.phone`)}
                  />
                </div>
              </div>
            )}
            <div className="triage-member-grid">
              <div className="field">
                <label htmlFor={`${p}-relationship`}>{t('triage.newCase.relationship')}</label>
                <select
                  id={`${p}-relationship`}
                  value={member.relationship}
                  onChange={(e) => setMember(index, { relationship: e.target.value as Relationship })}
                >
                  {relationships.map((r) => (
                    <option key={r} value={r}>
                      {t(`triage.relationship.${r}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field triage-primary">
                <label>
                  <input
                    type="radio"
                    name={`${idPrefix}-primary`}
                    checked={draft.primaryKey === member.key}
                    onChange={() => setValue('newCase.primaryKey', member.key, opts)}
                  />
                  {t('triage.newCase.primary')}
                </label>
              </div>
            </div>
            {draft.members.length > 1 && (
              <button type="button" className="button" onClick={() => remove(index)}>
                {t('triage.newCase.removeMember', { n: index + 1 })}
              </button>
            )}
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button"
        disabled={draft.members.length >= 20}
        onClick={() => append(emptyMember())}
      >
        {t('triage.newCase.addMember')}
      </button>
    </div>
  );
}
