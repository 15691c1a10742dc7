import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { LoginForm } from '@/features/auth/components/login-form';
import { useAuth, useResumeSession } from '@/shared/auth/auth-provider';
import { LanguageSwitch } from '@/shared/ui/language-switch';

export function LoginRoute() {
  const { isAuthenticated } = useAuth();
  const status = useResumeSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  // Back to the page that asked for a login, else home.
  const target = from && from.startsWith('/') && !from.startsWith('//') ? from : '/';
  if (isAuthenticated) return <Navigate to={target} replace />;
  if (status === 'checking') return null;
  return (
    <main className="login-page">
      <div className="login-tools">
        <LanguageSwitch />
      </div>
      <LoginForm onSuccess={() => void navigate(target, { replace: true })} />
    </main>
  );
}
