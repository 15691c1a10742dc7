import { createContext, use, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { clearAllDrafts } from '@/shared/utils/session-draft';
import { endSession, getStatus, refreshSession, setToken, subscribeToken, type SessionStatus } from './token-store';

type AuthContextValue = {
  status: SessionStatus;
  isAuthenticated: boolean;
  signIn: (accessToken: string, expiresInSeconds?: number) => void;
  signOut: () => void;
};

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const status = useSyncExternalStore(subscribeToken, getStatus, getStatus);
  const value = useMemo<AuthContextValue>(
    () => ({
      status,
      isAuthenticated: status === 'signed-in',
      signIn: setToken,
      signOut: () => {
        // Unfinished entries hold personal data: none stays on the device after signing out.
        clearAllDrafts();
        void endSession();
      },
    }),
    [status],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): AuthContextValue {
  const value = use(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** After a reload, ask the session cookie for an access token: staff pages only, never the public
 * report pages (an anonymous report must not travel with a staff member's session). */
export function useResumeSession(): SessionStatus {
  const { status } = useAuth();
  useEffect(() => {
    if (getStatus() === 'checking') void refreshSession();
  }, []);
  return status;
}
