import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import { useForm, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/shared/api/errors';
import { useCurrentUser } from '@/shared/auth/current-user';
import { flatErrors, messageOf } from '@/shared/forms/zod-form';
import { DateTimeField } from '@/shared/ui/date-fields';
import { useCreateConsultation } from '../api/create-consultation';
import { useAreas } from '../api/get-areas';
import type { Consultation } from '../api/get-consultations';
import { useDraft } from '../hooks/use-draft';
import { describeErrors } from '../utils/api-errors';
import {
  blankConsultation,
  consultationSchema,
  deskChannels,
  SUMMARY_MAX,
  type ConsultationFormValues,
  type DeskChannel,
  type ConsultationSent,
} from '../utils/consultation-schema';
import {
  consulterRelations,
  intakeConsents,
  sexes,
  type ConsulterRelation,
} from '../utils/vocabulary';
import { BirthDateField } from './birth-date-field';
import { ConcernsField } from './concerns-field';
import { LifeRiskField } from './life-risk-field';

type Props = { onSuccess: (created: Consultation) => void; onCancel: () => void };

// The form's field names → the API's, for the server's 422 messages and the focus order.
const FIELD_IDS: Partial<Record<keyof ConsultationFormValues, string>> = {
  receivedAt: 'received_at',
  area: 'area',
  summary: 'summary',
  birthDate: 'birth',
};

/** 相談受付・申込票: every field of the national intake form, in its order, fast to key in. */
export function ConsultationForm({ onSuccess, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const me = useCurrentUser();
  const areas = useAreas();
  const formRef = useRef<HTMLFormElement>(null);
  const defaultArea = me.data?.area ?? '';
  const schema = useMemo(() => consultationSchema(defaultArea), [defaultArea]);

  // The browser's own popups are off (noValidate): the schema's messages are said inline instead,
  // and after a refused submit they follow the entry.
  const form = useForm<ConsultationFormValues, unknown, ConsultationSent>({
    resolver: zodResolver(schema),
    defaultValues: blankConsultation(),
    shouldFocusError: false,
  });
  const { register, setValue, watch, reset, handleSubmit, formState } = form;
  const values = watch();

  // Sent: the draft (personal data) is cleared before the list opens.
  const create = useCreateConsultation({
    onSuccess: (created) => {
      draft.finish();
      onSuccess(created);
    },
  });
  const { fields: serverErrors, general } = describeErrors(create.error, t);
  const areaValue = values.area ?? defaultArea;
  const own = flatErrors(formState.errors);
  const missing: Record<string, string> = {};
  if (own.area) missing.area = messageOf(t, { message: own.area }) ?? '';
  if (own.summary) missing.summary = messageOf(t, { message: own.summary }) ?? '';
  const errors: Record<string, string> = { ...serverErrors, ...missing };
  const isReferral = values.channel === 'referral';

  /** A value from a control the form does not register (the app's own fields, radios by hand). */
  function set<K extends keyof ConsultationFormValues>(name: K, value: ConsultationFormValues[K]) {
    // After a refused submit the messages follow the entry, as for the registered inputs.
    setValue(name, value as never, { shouldDirty: true, shouldValidate: formState.isSubmitted });
  }

  // Who consulted usually follows from the channel; suggest it until the user says otherwise.
  function suggestConsulter(next: DeskChannel) {
    if (values.consulterTouched) return;
    if (next === 'neighbour_family') {
      set('consulterIsSelf', false);
      set('consulterRelation', 'neighbour');
    } else if (next === 'referral') {
      set('consulterIsSelf', false);
      set('consulterRelation', 'agency');
    } else set('consulterIsSelf', true);
  }

  // A long phone intake survives a reload: the entry is kept as this user's draft until sent.
  const restore = useCallback((d: ConsultationFormValues) => reset({ ...blankConsultation(), ...d }), [reset]);
  const draft = useDraft('consultation', me.data?.username, values, restore);

  const send = handleSubmit(
    (body) => create.mutate(body),
    (invalid: FieldErrors<ConsultationFormValues>) => {
      // The first field to mend gets the keyboard, in the order the desk reads them.
      const order: (keyof ConsultationFormValues)[] = invalid.receivedAt
        ? ['receivedAt']
        : ['area', 'summary', 'birthDate'];
      const first = order.find((name) => invalid[name]);
      const fieldId = first ? FIELD_IDS[first] : undefined;
      if (fieldId) formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(`${id}-${fieldId}`)}`)?.focus();
    },
  );

  // Enter in a one-line field must not send a half-filled form: only the submit button sends.
  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target instanceof HTMLInputElement) event.preventDefault();
  }

  // After a rejected submit, put the keyboard on the first field the server named.
  useEffect(() => {
    if (create.error) {
      const el = formRef.current;
      const first = el?.querySelector<HTMLElement>('[aria-invalid="true"]');
      (first ?? el?.querySelector<HTMLElement>('[role="alert"]'))?.focus();
    }
  }, [create.error]);

  /** id, aria-invalid and aria-describedby (hint, then error) for one field. */
  const a11y = (field: string, hint = false) => {
    const ids = [
      hint ? `${id}-${field}-hint` : null,
      errors[field] ? `${id}-${field}-error` : null,
    ];
    const describedBy = ids.filter(Boolean).join(' ');
    return {
      id: `${id}-${field}`,
      'aria-invalid': errors[field] ? true : undefined,
      'aria-describedby': describedBy || undefined,
    };
  };
  const errorText = (field: string) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="field-error">
        {errors[field]}
      </p>
    ) : null;
  const label = (field: string, text: string, required = false) => (
    <div className="label-row">
      <label htmlFor={`${id}-${field}`}>{text}</label>
      <span className={required ? 'tag required' : 'tag'}>
        {required ? t('consultations.form.required') : t('consultations.form.optional')}
      </span>
    </div>
  );

  // Missing entries first; then an unfinished 受付日時; then a birth date that cannot be read.
  let generalError: string | null =
    Object.keys(missing).length > 0
      ? t('validation.fixBelow')
      : (messageOf(t, formState.errors.receivedAt) ?? messageOf(t, formState.errors.birthDate) ?? null);
  if (create.error) {
    const isValidation = create.error instanceof ApiError && create.error.status === 422;
    generalError = isValidation ? t('consultations.form.invalid') : t('consultations.form.failed');
    if (!isValidation && create.error instanceof ApiError && create.error.problem?.detail) {
      generalError = `${generalError}（${create.error.problem.detail}）`;
    }
  }

  return (
    <form
      ref={formRef}
      className="card form intake-form"
      onSubmit={send}
      onKeyDown={handleKeyDown}
      aria-describedby={`${id}-enter-hint`}
      noValidate
    >
      <p id={`${id}-enter-hint`} className="hint">
        {t('consultations.form.keyboardHint')}
      </p>
      {draft.restored && (
        <div role="status" className="draft-notice">
          <p>{t('draft.restored')}</p>
          <button type="button" className="button" onClick={draft.discard}>
            {t('draft.discard')}
          </button>
        </div>
      )}
      {generalError && (
        <div role="alert" className="alert" tabIndex={-1}>
          <p>{generalError}</p>
          {general.length > 0 && (
            <ul>
              {general.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      <fieldset className="intake-section">
        <legend>{t('consultations.form.sectionReception')}</legend>
        <div className="intake-grid">
          <div className="field">
            <label htmlFor={`${id}-channel`}>{t('consultations.form.channel')}</label>
            <select
              autoFocus
              required
              {...register('channel', {
                onChange: (e: { target: { value: string } }) => suggestConsulter(e.target.value as DeskChannel),
              })}
              {...a11y('channel')}
            >
              {deskChannels.map((code) => (
                <option key={code} value={code}>
                  {t(`channel.${code}`)}
                </option>
              ))}
            </select>
            {errorText('channel')}
          </div>

          <div className="field">
            <label id={`${id}-received_at-label`} htmlFor={`${id}-received_at`}>
              {t('consultations.form.receivedAt')}
            </label>
            <DateTimeField
              id={`${id}-received_at`}
              value={values.receivedAt}
              onChange={(v) => set('receivedAt', v)}
              error={errors.received_at}
            />
          </div>

          <div className="field">
            <label htmlFor={`${id}-area`}>{t('consultations.form.area')}</label>
            <select
              required
              value={areaValue}
              disabled={areas.isPending}
              onChange={(e) => set('area', e.target.value)}
              {...a11y('area')}
            >
              <option value="">{t('consultations.form.chooseArea')}</option>
              {areas.data?.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
            </select>
            {errorText('area')}
          </div>

          <div className="field">
            <span className="intake-static-label">{t('consultations.form.receivedBy')}</span>
            <span className="intake-static">{me.data?.display_name ?? ''}</span>
          </div>
        </div>

        {isReferral && (
          <div className="intake-grid">
            <div className="field">
              {label('referrer', t('consultations.form.referrer'))}
              <input
                autoComplete="off"
                maxLength={300}
                {...register('referrer')}
                {...a11y('referrer')}
              />
              {errorText('referrer')}
            </div>
            <div className="field">
              {label('external_ref', t('consultations.form.externalRef'))}
              <input
                autoComplete="off"
                maxLength={100}
                {...register('externalRef')}
                {...a11y('external_ref', true)}
              />
              <p id={`${id}-external_ref-hint`} className="hint">
                {t('consultations.form.externalRefHint')}
              </p>
              {errorText('external_ref')}
            </div>
          </div>
        )}
      </fieldset>

      <fieldset className="intake-section">
        <legend>{t('consultations.form.sectionConsulter')}</legend>
        <div
          className="intake-choice"
          role="radiogroup"
          aria-label={t('consultations.form.consulterWho')}
        >
          <label>
            <input
              type="radio"
              name={`${id}-consulter`}
              checked={values.consulterIsSelf}
              onChange={() => {
                set('consulterIsSelf', true);
                set('consulterTouched', true);
              }}
            />
            {t('consultations.form.consulterSelf')}
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-consulter`}
              checked={!values.consulterIsSelf}
              onChange={() => {
                set('consulterIsSelf', false);
                set('consulterTouched', true);
              }}
            />
            {t('consultations.form.consulterOther')}
          </label>
        </div>
        {!values.consulterIsSelf && (
          <div className="intake-grid">
            <div className="field">
              <label htmlFor={`${id}-consulter.relation`}>
                {t('consultations.form.consulterRelation')}
              </label>
              <select
                value={values.consulterRelation}
                onChange={(e) => {
                  set('consulterRelation', e.target.value as ConsulterRelation);
                  set('consulterTouched', true);
                }}
                {...a11y('consulter.relation')}
              >
                {consulterRelations.map((r) => (
                  <option key={r} value={r}>
                    {t(`consultations.relation.${r}`)}
                  </option>
                ))}
              </select>
              {errorText('consulter.relation')}
            </div>
            <div className="field">
              {label('consulter.name', t('consultations.form.consulterName'))}
              <input
                autoComplete="off"
                {...register('consulterName')}
                {...a11y('consulter.name')}
              />
              {errorText('consulter.name')}
            </div>
            <div className="field">
              {label('consulter.phone', t('consultations.form.consulterPhone'))}
              <input
                type="tel"
                autoComplete="off"
                {...register('consulterPhone')}
                {...a11y('consulter.phone')}
              />
              {errorText('consulter.phone')}
            </div>
          </div>
        )}
      </fieldset>

      <fieldset className="intake-section">
        <legend>{t('consultations.form.sectionPerson')}</legend>
        <p className="hint">{t('consultations.form.personHint')}</p>
        <div className="intake-grid">
          <div className="field">
            {label('person_name', t('consultations.form.personName'))}
            <input
              autoComplete="off"
              {...register('personName')}
              {...a11y('person_name')}
            />
            {errorText('person_name')}
          </div>
          <div className="field">
            {label('person_kana', t('consultations.form.personKana'))}
            <input
              autoComplete="off"
              {...register('personKana')}
              {...a11y('person_kana', true)}
            />
            <p id={`${id}-person_kana-hint`} className="hint">
              {t('consultations.form.personKanaHint')}
            </p>
            {errorText('person_kana')}
          </div>
          <div className="field">
            {label('person_sex', t('consultations.form.personSex'))}
            <select
              {...register('personSex')}
              {...a11y('person_sex')}
            >
              <option value="">{t('consultations.form.notEntered')}</option>
              {sexes.map((s) => (
                <option key={s} value={s}>
                  {t(`consultations.sex.${s}`)}
                </option>
              ))}
            </select>
            {errorText('person_sex')}
          </div>
          <BirthDateField
            id={`${id}-birth`}
            value={values.birthDate}
            onChange={(v) => set('birthDate', v)}
            serverError={errors.person_birth_date}
          />
          <div className="field intake-wide">
            {label('person_address', t('consultations.form.personAddress'))}
            <input
              autoComplete="off"
              maxLength={300}
              {...register('personAddress')}
              {...a11y('person_address')}
            />
            {errorText('person_address')}
          </div>
          <div className="field">
            {label('person_phone', t('consultations.form.personPhone'))}
            <input
              type="tel"
              autoComplete="off"
              {...register('personPhone')}
              {...a11y('person_phone', true)}
            />
            <p id={`${id}-person_phone-hint`} className="hint">
              {t('consultations.form.phoneHint')}
            </p>
            {errorText('person_phone')}
          </div>
          <div className="field">
            {label('person_email', t('consultations.form.personEmail'))}
            <input
              type="email"
              autoComplete="off"
              {...register('personEmail')}
              {...a11y('person_email')}
            />
            {errorText('person_email')}
          </div>
        </div>
      </fieldset>

      <fieldset className="intake-section">
        <legend>{t('consultations.form.sectionContent')}</legend>
        <ConcernsField
          checked={values.concernList}
          main={values.mainConcern}
          onChange={(next, nextMain) => {
            set('concernList', next);
            set('mainConcern', nextMain);
          }}
          error={errors.concerns ?? errors.main_concern}
        />

        <div className="field">
          {label('summary', t('consultations.form.summary'), true)}
          <textarea
            required
            maxLength={SUMMARY_MAX}
            rows={6}
            {...register('summary')}
            {...a11y('summary', true)}
          />
          <p id={`${id}-summary-hint`} className="hint">
            {t('consultations.form.summaryHint', { count: values.summary.length, max: SUMMARY_MAX })}
          </p>
          {errorText('summary')}
        </div>
      </fieldset>

      <LifeRiskField
        risks={values.risks}
        urgent={values.urgent}
        onRisksChange={(next) => set('risks', next)}
        onUrgentChange={(next) => set('urgent', next)}
        error={errors.risks ?? errors.urgent}
      />

      <fieldset className="intake-section" aria-describedby={`${id}-consent-hint`}>
        <legend>{t('consultations.form.consent')}</legend>
        <div className="intake-choice">
          {intakeConsents.map((c) => (
            <label key={c}>
              <input
                type="radio"
                value={c}
                {...register('consent')}
              />
              {t(`consultations.consent.${c}`)}
            </label>
          ))}
        </div>
        <p id={`${id}-consent-hint`} className="hint">
          {t('consultations.form.consentHint')}
        </p>
        {errorText('consent')}
      </fieldset>

      <div className="actions">
        <button type="submit" className="button primary" disabled={create.isPending}>
          {t('consultations.form.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('consultations.form.cancel')}
        </button>
      </div>
    </form>
  );
}
