import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ConsultationsList } from '@/features/consultations/components/consultations-list';
import { SavedNotice } from '@/features/consultations/components/saved-notice';

export function ConsultationsRoute() {
  const { t } = useTranslation();
  return (
    <>
      <div className="page-head">
        <h1>{t('consultations.title')}</h1>
        <Link to="/consultations/new" className="button primary">
          {t('consultations.new')}
        </Link>
      </div>
      <SavedNotice />
      <ConsultationsList />
    </>
  );
}
