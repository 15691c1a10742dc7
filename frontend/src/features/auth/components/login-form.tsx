import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/shared/api/errors';
import { useLogin } from '../api/login';

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const loginMutation = useLogin({ onSuccess });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    loginMutation.mutate({ username, password });
  }

  const error = loginMutation.error;
  const invalidCredentials =
    error instanceof ApiError && [400, 401, 422].includes(error.status);
  const locked = error instanceof ApiError && error.status === 429;

  return (
    <form className="card form" onSubmit={handleSubmit}>
      <h1>{t('login.title')}</h1>
      {error && (
        <p role="alert" className="alert">
          {locked ? t('login.locked') : invalidCredentials ? t('login.invalid') : t('login.failed')}
        </p>
      )}
      <div className="field">
        <label htmlFor="login-username">{t('login.username')}</label>
        <input
          id="login-username"
          name="username"
          autoComplete="username"
          required
          autoFocus
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="login-password">{t('login.password')}</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      <button type="submit" className="button primary" disabled={loginMutation.isPending}>
        {t('login.submit')}
      </button>
    </form>
  );
}
