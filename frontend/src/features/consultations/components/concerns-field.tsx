import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { concerns, type Concern } from '../utils/vocabulary';

type Props = {
  checked: Concern[];
  main: Concern | null;
  onChange: (checked: Concern[], main: Concern | null) => void;
  error?: string;
};

/**
 * The 16 相談内容 boxes of the 申込票, each with its ◎ (main concern) radio beside it.
 * Only a checked box can be ◎; the first box checked becomes ◎ until another is chosen.
 */
export function ConcernsField({ checked, main, onChange, error }: Props) {
  const { t } = useTranslation();
  const id = useId();

  function toggle(concern: Concern, on: boolean) {
    const next = on
      ? concerns.filter((c) => c === concern || checked.includes(c))
      : checked.filter((c) => c !== concern);
    let nextMain = main;
    if (!on && main === concern) nextMain = next[0] ?? null;
    if (on && main === null) nextMain = concern;
    onChange(next, nextMain);
  }

  return (
    <fieldset
      className="intake-concerns"
      aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
    >
      <legend>{t('consultations.form.concerns')}</legend>
      <p id={`${id}-hint`} className="hint">
        {t('consultations.form.concernsHint')}
      </p>
      <ul className="intake-concern-list">
        {concerns.map((concern) => {
          const isChecked = checked.includes(concern);
          const label = t(`consultations.concerns.${concern}`);
          return (
            <li key={concern} className={isChecked ? 'checked' : undefined}>
              <input
                type="checkbox"
                id={`${id}-${concern}`}
                checked={isChecked}
                onChange={(e) => toggle(concern, e.target.checked)}
              />
              <label htmlFor={`${id}-${concern}`}>{label}</label>
              <input
                type="radio"
                name={`${id}-main`}
                className="intake-main-radio"
                id={`${id}-${concern}-main`}
                checked={main === concern}
                disabled={!isChecked}
                onChange={() => onChange(checked, concern)}
                aria-label={t('consultations.form.mainConcernFor', { concern: label })}
              />
              <span className="intake-main-mark" aria-hidden="true">
                ◎
              </span>
            </li>
          );
        })}
      </ul>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
