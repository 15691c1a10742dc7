import { useTranslation } from 'react-i18next';
import { PublicLayout } from '@/features/public-report/components/public-layout';
import { ReportForm } from '@/features/public-report/components/report-form';

export function ReportRoute() {
  const { t } = useTranslation();
  return (
    <PublicLayout title={t('publicReport.documentTitle')}>
      <ReportForm />
    </PublicLayout>
  );
}
