import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ConsultationForm } from '@/features/consultations/components/consultation-form';

export function ConsultationNewRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toList = () => void navigate('/consultations');
  return (
    <>
      <h1>{t('consultationForm.title')}</h1>
      <ConsultationForm onSuccess={toList} onCancel={toList} />
    </>
  );
}
