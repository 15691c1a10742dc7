import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { makeQueryClient } from '@/shared/api/query-client';
import { AuthProvider } from '@/shared/auth/auth-provider';
import { getToken, subscribeToken } from '@/shared/auth/token-store';

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);

  // On logout or a 401, drop everything cached for the previous user.
  useEffect(
    () =>
      subscribeToken(() => {
        if (getToken() === null) queryClient.clear();
      }),
    [queryClient],
  );

  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider>{children}</AuthProvider>
    </QueryClientProvider>
  );
}
