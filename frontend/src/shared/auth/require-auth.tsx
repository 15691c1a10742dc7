import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { useResumeSession } from './auth-provider';

/** Renders its children only when signed in; otherwise goes to /login, and back here after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const status = useResumeSession();
  const { t } = useTranslation();
  const location = useLocation();
  if (status === 'checking') return <p className="muted">{t('app.loading')}</p>;
  if (status === 'signed-out') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return children;
}
