import { useTranslation } from 'react-i18next';
import { ageOn, parseBirthDate, warekiOfDate } from '../utils/birth-date';

type Props = {
  id: string;
  value: string;
  onChange: (value: string) => void;
  serverError?: string;
};

/** 生年月日: typed in western or 和暦 form; the reading (和暦, ISO, age) is shown as it is typed. */
export function BirthDateField({ id, value, onChange, serverError }: Props) {
  const { t } = useTranslation();
  const parsed = parseBirthDate(value);
  let reading: string | null = null;
  let error: string | undefined = serverError;
  if (parsed.kind === 'ok') {
    reading = t('consultations.form.birthDateReading', {
      wareki: warekiOfDate(parsed.iso),
      iso: parsed.iso,
      age: ageOn(parsed.iso),
    });
  } else if (parsed.kind === 'invalid') error = t('consultations.errors.birthInvalid');
  else if (parsed.kind === 'future') error = t('consultations.errors.birthFuture');

  const describedBy = [`${id}-hint`, reading ? `${id}-reading` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <div className="label-row">
        <label htmlFor={id}>{t('consultations.form.personBirthDate')}</label>
        <span className="tag">{t('consultations.form.optional')}</span>
      </div>
      <input
        id={id}
        autoComplete="off"
        inputMode="text"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <p id={`${id}-hint`} className="hint">
        {t('consultations.form.birthDateHint')}
      </p>
      <p id={`${id}-reading`} className="intake-reading" aria-live="polite">
        {reading}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
