import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { AgencyDetail } from './agency-detail';
import { AgencyDirectory } from './agency-directory';

export function AgenciesRoute() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('agencies.title')}</h1>
      <AgencyDirectory />
    </>
  );
}

export function AgencyRoute() {
  const { agencyId = '' } = useParams();
  return <AgencyDetail agencyId={agencyId} />;
}
