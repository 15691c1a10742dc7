import { Navigate, useNavigate } from 'react-router-dom';
import { LoginForm } from '@/features/auth/components/login-form';
import { useAuth } from '@/shared/auth/auth-provider';
import { LanguageSwitch } from '@/shared/ui/language-switch';

export function LoginRoute() {
  const { isAuthenticated } = useAuth();
  const navigate = useNavigate();
  if (isAuthenticated) return <Navigate to="/consultations" replace />;
  return (
    <main className="login-page">
      <div className="login-tools">
        <LanguageSwitch />
      </div>
      <LoginForm onSuccess={() => void navigate('/consultations', { replace: true })} />
    </main>
  );
}
