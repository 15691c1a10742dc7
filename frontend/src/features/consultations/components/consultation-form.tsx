import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrors } from '@/shared/api/errors';
import { useCurrentUser } from '@/shared/auth/current-user';
import { dateTimeInputToIso, nowForDateTimeInput } from '@/shared/utils/datetime';
import { useCreateConsultation } from '../api/create-consultation';
import { useAreas } from '../api/get-areas';
import { channels, type Channel } from '../api/get-consultations';

type Props = { onSuccess: () => void; onCancel: () => void };

export function ConsultationForm({ onSuccess, onCancel }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const areas = useAreas();
  const formRef = useRef<HTMLFormElement>(null);

  const [channel, setChannel] = useState<Channel>(channels[0] ?? 'visit');
  const [receivedAt, setReceivedAt] = useState(nowForDateTimeInput);
  // null until the user picks one: until then the user's own area is the default.
  const [area, setArea] = useState<string | null>(null);
  const [personName, setPersonName] = useState('');
  const [personKana, setPersonKana] = useState('');
  const [summary, setSummary] = useState('');
  const [urgent, setUrgent] = useState(false);

  const create = useCreateConsultation({ onSuccess });
  const errors = fieldErrors(create.error);
  const areaValue = area ?? me.data?.area ?? '';

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({
      channel,
      received_at: dateTimeInputToIso(receivedAt),
      area: areaValue,
      summary: summary.trim(),
      person_name: personName.trim() || null,
      person_kana: personKana.trim() || null,
      urgent,
    });
  }

  // After a rejected submit, put the keyboard on the first field the server named.
  useEffect(() => {
    if (create.error) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [create.error]);

  /** aria-invalid and aria-describedby (hint, then error) for one field. */
  const a11y = (field: string, hintId?: string) => {
    const ids = [hintId, errors[field] ? `consultation-${field}-error` : undefined].filter(Boolean);
    return {
      'aria-invalid': errors[field] ? true : undefined,
      'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
    };
  };
  const errorText = (field: string) =>
    errors[field] ? (
      <p id={`consultation-${field}-error`} className="field-error">
        {errors[field]}
      </p>
    ) : null;

  let generalError: string | null = null;
  if (create.error) {
    const isValidation = create.error instanceof ApiError && create.error.status === 422;
    generalError = isValidation ? t('consultationForm.invalid') : t('consultationForm.failed');
    if (!isValidation && create.error instanceof ApiError && create.error.problem?.detail) {
      generalError = `${generalError}（${create.error.problem.detail}）`;
    }
  }

  return (
    <form ref={formRef} className="card form" onSubmit={handleSubmit}>
      {generalError && (
        <p role="alert" className="alert">
          {generalError}
        </p>
      )}

      <div className="field">
        <label htmlFor="consultation-channel">{t('consultationForm.channel')}</label>
        <select
          id="consultation-channel"
          autoFocus
          required
          value={channel}
          onChange={(e) => setChannel(e.target.value as Channel)}
          {...a11y('channel')}
        >
          {channels.map((code) => (
            <option key={code} value={code}>
              {t(`channel.${code}`)}
            </option>
          ))}
        </select>
        {errorText('channel')}
      </div>

      <div className="field">
        <label htmlFor="consultation-received-at">{t('consultationForm.receivedAt')}</label>
        <input
          id="consultation-received-at"
          type="datetime-local"
          value={receivedAt}
          onChange={(e) => setReceivedAt(e.target.value)}
          {...a11y('received_at')}
        />
        {errorText('received_at')}
      </div>

      <div className="field">
        <label htmlFor="consultation-area">{t('consultationForm.area')}</label>
        <select
          id="consultation-area"
          required
          value={areaValue}
          disabled={areas.isPending}
          onChange={(e) => setArea(e.target.value)}
          {...a11y('area')}
        >
          <option value="">{t('consultationForm.chooseArea')}</option>
          {areas.data?.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </select>
        {errorText('area')}
      </div>

      <div className="field">
        <div className="label-row">
          <label htmlFor="consultation-person-name">{t('consultationForm.personName')}</label>
          <span className="tag">{t('consultationForm.optional')}</span>
        </div>
        <input
          id="consultation-person-name"
          autoComplete="off"
          value={personName}
          onChange={(e) => setPersonName(e.target.value)}
          {...a11y('person_name')}
        />
        {errorText('person_name')}
      </div>

      <div className="field">
        <div className="label-row">
          <label htmlFor="consultation-person-kana">{t('consultationForm.personKana')}</label>
          <span className="tag">{t('consultationForm.optional')}</span>
        </div>
        <input
          id="consultation-person-kana"
          autoComplete="off"
          value={personKana}
          onChange={(e) => setPersonKana(e.target.value)}
          {...a11y('person_kana')}
        />
        {errorText('person_kana')}
      </div>

      <div className="field">
        <div className="label-row">
          <label htmlFor="consultation-summary">{t('consultationForm.summary')}</label>
          <span className="tag required">{t('consultationForm.required')}</span>
        </div>
        <textarea
          id="consultation-summary"
          required
          maxLength={4000}
          rows={6}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          {...a11y('summary', 'consultation-summary-hint')}
        />
        <p id="consultation-summary-hint" className="hint">
          {t('consultationForm.summaryHint')}（{summary.length}/4000）
        </p>
        {errorText('summary')}
      </div>

      <div className="field urgent-field">
        <input
          id="consultation-urgent"
          type="checkbox"
          checked={urgent}
          onChange={(e) => setUrgent(e.target.checked)}
          {...a11y('urgent', 'consultation-urgent-hint')}
        />
        <label htmlFor="consultation-urgent">{t('consultationForm.urgent')}</label>
        <p id="consultation-urgent-hint" className="hint">
          {t('consultationForm.urgentHint')}
        </p>
        {errorText('urgent')}
      </div>

      <div className="actions">
        <button type="submit" className="button primary" disabled={create.isPending}>
          {t('consultationForm.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('consultationForm.cancel')}
        </button>
      </div>
    </form>
  );
}
