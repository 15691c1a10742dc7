import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { BodiesList } from './bodies-list';
import { BodyForm } from './body-form';
import { BodyPage } from './body-page';

// Route-level screens of this feature; router.tsx only maps paths to them.

export function BodiesRoute() {
  return <BodiesList />;
}

export function BodyNewRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <h1>{t('meetingBodies.newTitle')}</h1>
      <BodyForm
        onSaved={(created) => void navigate(`/meeting-bodies/${created.id}`)}
        onCancel={() => void navigate('/meeting-bodies')}
      />
    </>
  );
}

export function BodyRoute() {
  const { bodyId = '' } = useParams();
  return <BodyPage key={bodyId} bodyId={bodyId} />;
}
