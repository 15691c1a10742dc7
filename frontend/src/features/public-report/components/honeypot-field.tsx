import { useTranslation } from 'react-i18next';

/**
 * A field people never see or reach (hidden visually and from assistive technology,
 * out of the tab order) but that form-filling bots do fill. Not type="hidden": bots skip those.
 */
export function HoneypotField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="public-hp" aria-hidden="true">
      <label htmlFor={id}>{t('publicReport.honeypot')}</label>
      <input
        id={id}
        name="website"
        type="text"
        tabIndex={-1}
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
