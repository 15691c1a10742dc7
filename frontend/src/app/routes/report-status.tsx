import { useTranslation } from 'react-i18next';
import { PublicLayout } from '@/features/public-report/components/public-layout';
import { ReportStatusPage } from '@/features/public-report/components/report-status';

export function ReportStatusRoute() {
  const { t } = useTranslation();
  return (
    <PublicLayout title={t('publicReport.status.documentTitle')}>
      <ReportStatusPage />
    </PublicLayout>
  );
}
