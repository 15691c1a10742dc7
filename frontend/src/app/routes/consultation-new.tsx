import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ConsultationForm } from '@/features/consultations/components/consultation-form';

export function ConsultationNewRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <h1>{t('consultations.form.title')}</h1>
      <ConsultationForm
        // The list says what was saved (the フリガナ as converted, the safety check if urgent).
        onSuccess={(saved) => void navigate('/consultations', { state: { saved } })}
        onCancel={() => void navigate('/consultations')}
      />
    </>
  );
}
