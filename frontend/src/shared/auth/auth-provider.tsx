import { createContext, use, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { clearToken, getToken, setToken, subscribeToken } from './token-store';

type AuthContextValue = {
  isAuthenticated: boolean;
  signIn: (accessToken: string, expiresInSeconds?: number) => void;
  signOut: () => void;
};

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const token = useSyncExternalStore(subscribeToken, getToken, getToken);
  const value = useMemo<AuthContextValue>(
    () => ({ isAuthenticated: token !== null, signIn: setToken, signOut: clearToken }),
    [token],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): AuthContextValue {
  const value = use(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
