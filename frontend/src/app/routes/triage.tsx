import { useTranslation } from 'react-i18next';
import { TriageQueue } from '@/features/triage/components/triage-queue';

export function TriageRoute() {
  const { t } = useTranslation();
  return (
    <>
      <div className="page-head">
        <h1>{t('triage.title')}</h1>
      </div>
      <p className="muted">{t('triage.intro')}</p>
      <TriageQueue />
    </>
  );
}
