import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { lifeRisks, type LifeRisk } from '../utils/vocabulary';

type Props = {
  risks: LifeRisk[];
  urgent: boolean;
  onRisksChange: (risks: LifeRisk[]) => void;
  onUrgentChange: (urgent: boolean) => void;
  error?: string;
};

/** Signs of a risk to life and the 緊急 flag: red, and explicit about the 安否確認 it creates. */
export function LifeRiskField({ risks, urgent, onRisksChange, onUrgentChange, error }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const anyRisk = risks.length > 0;
  const willBeUrgent = urgent || anyRisk;

  return (
    <fieldset className={`intake-risk${willBeUrgent ? ' active' : ''}`}>
      <legend>{t('consultations.form.riskLegend')}</legend>
      <p id={`${id}-hint`} className="hint">
        {t('consultations.form.riskHint')}
      </p>
      <ul className="intake-risk-list">
        {lifeRisks.map((risk) => (
          <li key={risk}>
            <input
              type="checkbox"
              id={`${id}-${risk}`}
              checked={risks.includes(risk)}
              onChange={(e) =>
                onRisksChange(
                  e.target.checked
                    ? lifeRisks.filter((r) => r === risk || risks.includes(r))
                    : risks.filter((r) => r !== risk),
                )
              }
            />
            <label htmlFor={`${id}-${risk}`}>{t(`consultations.risks.${risk}`)}</label>
          </li>
        ))}
      </ul>
      <div className="intake-urgent">
        <input
          id={`${id}-urgent`}
          type="checkbox"
          checked={willBeUrgent}
          // Any sign of a risk to life makes the consultation urgent on the server too.
          disabled={anyRisk}
          onChange={(e) => onUrgentChange(e.target.checked)}
          aria-describedby={`${id}-hint ${id}-effect`}
        />
        <label htmlFor={`${id}-urgent`}>{t('consultations.form.urgent')}</label>
      </div>
      <p id={`${id}-effect`} className="intake-risk-effect" role="status">
        {willBeUrgent &&
          (anyRisk
            ? t('consultations.form.safetyCheckFromRisk')
            : t('consultations.form.safetyCheck'))}
      </p>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
