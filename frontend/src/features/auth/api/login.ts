import { useMutation } from '@tanstack/react-query';
import { ApiError } from '@/shared/api/errors';
import type { paths } from '@/shared/api/schema';
import { useAuth } from '@/shared/auth/auth-provider';

type Token =
  paths['/api/v1/auth/token']['post']['responses'][200]['content']['application/json'];

export type Credentials = { username: string; password: string };

/** OAuth2 password grant; form-encoded, so a plain fetch rather than the typed client. */
export async function login({ username, password }: Credentials): Promise<Token> {
  const response = await fetch('/api/v1/auth/token', {
    method: 'POST',
    headers: { Accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'password', username, password }),
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(response.status, body);
  return body as Token;
}

export function useLogin({ onSuccess }: { onSuccess?: () => void } = {}) {
  const { signIn } = useAuth();
  return useMutation({
    mutationFn: login,
    onSuccess: (token) => {
      signIn(token.access_token, token.expires_in);
      onSuccess?.();
    },
  });
}
