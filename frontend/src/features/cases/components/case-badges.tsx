import { useTranslation } from 'react-i18next';
import type { Case, ConsentStatus, MeetingBody, RiskFlag } from '../api/types';

export function StatusBadge({ status }: { status: Case['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge cases-status cases-status-${status}`}>{t(`cases.status.${status}`)}</span>;
}

export function ConsentBadge({ status }: { status: ConsentStatus }) {
  const { t } = useTranslation();
  return <span className={`badge cases-consent cases-consent-${status}`}>{t(`cases.consent.${status}`)}</span>;
}

export function RiskBadges({ flags }: { flags: RiskFlag[] }) {
  const { t } = useTranslation();
  if (flags.length === 0) return <span className="muted">{t('cases.none')}</span>;
  return (
    <ul className="cases-risks" aria-label={t('cases.fields.risk')}>
      {flags.map((flag) => (
        <li key={flag} className="badge cases-risk">
          {t(`cases.risk.${flag}`)}
        </li>
      ))}
    </ul>
  );
}

export function BodyName({ body }: { body: MeetingBody }) {
  const { t } = useTranslation();
  return <>{t(`cases.body.${body}`)}</>;
}
