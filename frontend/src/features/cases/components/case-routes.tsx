import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useCan } from '@/shared/auth/require-permission';
import { CaseList } from './case-list';
import { CaseNewForm } from './case-new-form';
import { CasePage } from './case-page';
import { CasePrint } from './case-print';

// Route-level screens of this feature (kept here rather than in app/routes, which other
// engineers own); router.tsx only maps paths to them.

export function CasesRoute() {
  const { t } = useTranslation();
  const mayOpen = useCan('openCase');
  return (
    <>
      <div className="page-head">
        <h1>{t('cases.list.title')}</h1>
        {mayOpen && (
          <Link to="/cases/new" className="button primary">
            {t('cases.list.start')}
          </Link>
        )}
      </div>
      <CaseList />
    </>
  );
}

export function CaseNewRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <h1>{t('cases.new.title')}</h1>
      <CaseNewForm
        onCreated={(created) => void navigate(`/cases/${created.id}`)}
        onCancel={() => void navigate('/cases')}
      />
    </>
  );
}

export function CaseRoute() {
  const { caseId = '' } = useParams();
  return <CasePage key={caseId} caseId={caseId} />;
}

export function CasePrintRoute() {
  const { caseId = '' } = useParams();
  return <CasePrint caseId={caseId} />;
}
