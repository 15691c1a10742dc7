import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/shared/api/errors';
import { useCurrentUser } from '@/shared/auth/current-user';
import { dateTimeInputToIso, nowForDateTimeInput } from '@/shared/utils/datetime';
import { useCreateConsultation, type ConsultationCreate } from '../api/create-consultation';
import { useAreas } from '../api/get-areas';
import { channels, type Channel, type Consultation } from '../api/get-consultations';
import { describeErrors } from '../utils/api-errors';
import { parseBirthDate } from '../utils/birth-date';
import {
  consulterRelations,
  intakeConsents,
  sexes,
  type Concern,
  type ConsulterRelation,
  type IntakeConsent,
  type LifeRisk,
  type Sex,
} from '../utils/vocabulary';
import { BirthDateField } from './birth-date-field';
import { ConcernsField } from './concerns-field';
import { LifeRiskField } from './life-risk-field';

type Props = { onSuccess: (created: Consultation) => void; onCancel: () => void };

// 匿名通報 arrives through the public form only; the desk records every other channel.
const deskChannels = channels.filter((c) => c !== 'anonymous');
const SUMMARY_MAX = 4000;

/** 相談受付・申込票: every field of the national intake form, in its order, fast to key in. */
export function ConsultationForm({ onSuccess, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const me = useCurrentUser();
  const areas = useAreas();
  const formRef = useRef<HTMLFormElement>(null);

  const [channel, setChannel] = useState<Channel>(deskChannels[0] ?? 'visit');
  const [receivedAt, setReceivedAt] = useState(nowForDateTimeInput);
  // null until the user picks one: until then the user's own area is the default.
  const [area, setArea] = useState<string | null>(null);
  const [referrer, setReferrer] = useState('');
  const [externalRef, setExternalRef] = useState('');

  const [consulterIsSelf, setConsulterIsSelf] = useState(true);
  const [consulterRelation, setConsulterRelation] = useState<ConsulterRelation>('family');
  const [consulterName, setConsulterName] = useState('');
  const [consulterPhone, setConsulterPhone] = useState('');

  const [personName, setPersonName] = useState('');
  const [personKana, setPersonKana] = useState('');
  const [personSex, setPersonSex] = useState<Sex | ''>('');
  const [birthDate, setBirthDate] = useState('');
  const [personAddress, setPersonAddress] = useState('');
  const [personPhone, setPersonPhone] = useState('');
  const [personEmail, setPersonEmail] = useState('');

  const [concernList, setConcernList] = useState<Concern[]>([]);
  const [mainConcern, setMainConcern] = useState<Concern | null>(null);
  const [summary, setSummary] = useState('');
  const [risks, setRisks] = useState<LifeRisk[]>([]);
  const [urgent, setUrgent] = useState(false);
  const [consent, setConsent] = useState<IntakeConsent>('not_asked');
  const [localError, setLocalError] = useState<string | null>(null);

  const create = useCreateConsultation({ onSuccess });
  const { fields: errors, general } = describeErrors(create.error, t);
  const areaValue = area ?? me.data?.area ?? '';
  const isReferral = channel === 'referral';

  // Who consulted usually follows from the channel; suggest it until the user says otherwise.
  const [consulterTouched, setConsulterTouched] = useState(false);
  function changeChannel(next: Channel) {
    setChannel(next);
    if (consulterTouched) return;
    if (next === 'neighbour_family') {
      setConsulterIsSelf(false);
      setConsulterRelation('neighbour');
    } else if (next === 'referral') {
      setConsulterIsSelf(false);
      setConsulterRelation('agency');
    } else setConsulterIsSelf(true);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const birth = parseBirthDate(birthDate);
    if (birth.kind === 'invalid' || birth.kind === 'future') {
      setLocalError(t('consultations.form.invalid'));
      formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(`${id}-birth`)}`)?.focus();
      return;
    }
    setLocalError(null);
    const body: ConsultationCreate = {
      channel,
      received_at: dateTimeInputToIso(receivedAt),
      area: areaValue,
      summary: summary.trim(),
      urgent: urgent || risks.length > 0,
      risks,
      concerns: concernList,
      main_concern: mainConcern,
      person_name: personName.trim() || null,
      person_kana: personKana.trim() || null,
      person_sex: personSex || null,
      person_birth_date: birth.kind === 'ok' ? birth.iso : null,
      person_address: personAddress.trim() || null,
      person_phone: personPhone.trim() || null,
      person_email: personEmail.trim() || null,
      consulter: consulterIsSelf
        ? null
        : {
            relation: consulterRelation,
            name: consulterName.trim() || null,
            phone: consulterPhone.trim() || null,
          },
      consent,
      referrer: isReferral ? referrer.trim() || null : null,
      external_ref: isReferral ? externalRef.trim() || null : null,
    };
    create.mutate(body);
  }

  // Enter in a one-line field must not send a half-filled form: only the submit button sends.
  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target instanceof HTMLInputElement) event.preventDefault();
  }

  // After a rejected submit, put the keyboard on the first field the server named.
  useEffect(() => {
    if (create.error) {
      const form = formRef.current;
      const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
      (first ?? form?.querySelector<HTMLElement>('[role="alert"]'))?.focus();
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

  let generalError: string | null = localError;
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
      onSubmit={handleSubmit}
      onKeyDown={handleKeyDown}
      aria-describedby={`${id}-enter-hint`}
    >
      <p id={`${id}-enter-hint`} className="hint">
        {t('consultations.form.keyboardHint')}
      </p>
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
              value={channel}
              onChange={(e) => changeChannel(e.target.value as Channel)}
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
            <label htmlFor={`${id}-received_at`}>{t('consultations.form.receivedAt')}</label>
            <input
              type="datetime-local"
              value={receivedAt}
              onChange={(e) => setReceivedAt(e.target.value)}
              {...a11y('received_at')}
            />
            {errorText('received_at')}
          </div>

          <div className="field">
            <label htmlFor={`${id}-area`}>{t('consultations.form.area')}</label>
            <select
              required
              value={areaValue}
              disabled={areas.isPending}
              onChange={(e) => setArea(e.target.value)}
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
                value={referrer}
                onChange={(e) => setReferrer(e.target.value)}
                {...a11y('referrer')}
              />
              {errorText('referrer')}
            </div>
            <div className="field">
              {label('external_ref', t('consultations.form.externalRef'))}
              <input
                autoComplete="off"
                maxLength={100}
                value={externalRef}
                onChange={(e) => setExternalRef(e.target.value)}
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
              checked={consulterIsSelf}
              onChange={() => {
                setConsulterIsSelf(true);
                setConsulterTouched(true);
              }}
            />
            {t('consultations.form.consulterSelf')}
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-consulter`}
              checked={!consulterIsSelf}
              onChange={() => {
                setConsulterIsSelf(false);
                setConsulterTouched(true);
              }}
            />
            {t('consultations.form.consulterOther')}
          </label>
        </div>
        {!consulterIsSelf && (
          <div className="intake-grid">
            <div className="field">
              <label htmlFor={`${id}-consulter.relation`}>
                {t('consultations.form.consulterRelation')}
              </label>
              <select
                value={consulterRelation}
                onChange={(e) => {
                  setConsulterRelation(e.target.value as ConsulterRelation);
                  setConsulterTouched(true);
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
                value={consulterName}
                onChange={(e) => setConsulterName(e.target.value)}
                {...a11y('consulter.name')}
              />
              {errorText('consulter.name')}
            </div>
            <div className="field">
              {label('consulter.phone', t('consultations.form.consulterPhone'))}
              <input
                type="tel"
                autoComplete="off"
                value={consulterPhone}
                onChange={(e) => setConsulterPhone(e.target.value)}
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
              value={personName}
              onChange={(e) => setPersonName(e.target.value)}
              {...a11y('person_name')}
            />
            {errorText('person_name')}
          </div>
          <div className="field">
            {label('person_kana', t('consultations.form.personKana'))}
            <input
              autoComplete="off"
              value={personKana}
              onChange={(e) => setPersonKana(e.target.value)}
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
              value={personSex}
              onChange={(e) => setPersonSex(e.target.value as Sex | '')}
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
            value={birthDate}
            onChange={setBirthDate}
            serverError={errors.person_birth_date}
          />
          <div className="field intake-wide">
            {label('person_address', t('consultations.form.personAddress'))}
            <input
              autoComplete="off"
              maxLength={300}
              value={personAddress}
              onChange={(e) => setPersonAddress(e.target.value)}
              {...a11y('person_address')}
            />
            {errorText('person_address')}
          </div>
          <div className="field">
            {label('person_phone', t('consultations.form.personPhone'))}
            <input
              type="tel"
              autoComplete="off"
              value={personPhone}
              onChange={(e) => setPersonPhone(e.target.value)}
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
              value={personEmail}
              onChange={(e) => setPersonEmail(e.target.value)}
              {...a11y('person_email')}
            />
            {errorText('person_email')}
          </div>
        </div>
      </fieldset>

      <fieldset className="intake-section">
        <legend>{t('consultations.form.sectionContent')}</legend>
        <ConcernsField
          checked={concernList}
          main={mainConcern}
          onChange={(next, nextMain) => {
            setConcernList(next);
            setMainConcern(nextMain);
          }}
          error={errors.concerns ?? errors.main_concern}
        />

        <div className="field">
          {label('summary', t('consultations.form.summary'), true)}
          <textarea
            required
            maxLength={SUMMARY_MAX}
            rows={6}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
            {...a11y('summary', true)}
          />
          <p id={`${id}-summary-hint`} className="hint">
            {t('consultations.form.summaryHint', { count: summary.length, max: SUMMARY_MAX })}
          </p>
          {errorText('summary')}
        </div>
      </fieldset>

      <LifeRiskField
        risks={risks}
        urgent={urgent}
        onRisksChange={setRisks}
        onUrgentChange={setUrgent}
        error={errors.risks ?? errors.urgent}
      />

      <fieldset className="intake-section" aria-describedby={`${id}-consent-hint`}>
        <legend>{t('consultations.form.consent')}</legend>
        <div className="intake-choice">
          {intakeConsents.map((c) => (
            <label key={c}>
              <input
                type="radio"
                name={`${id}-consent`}
                value={c}
                checked={consent === c}
                onChange={() => setConsent(c)}
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
