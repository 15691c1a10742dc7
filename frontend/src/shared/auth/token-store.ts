// The access token lives in memory only (never in localStorage or sessionStorage). The session
// that outlives a reload is the gateway's httpOnly refresh cookie, which no script can read:
// on start, and shortly before each access token expires, the page asks for a new one.

type Listener = () => void;
export type SessionStatus = 'checking' | 'signed-in' | 'signed-out';

type Issued = { access_token: string; expires_in: number };

// Ask for the next token this long before the current one expires.
const REFRESH_AHEAD_SECONDS = 60;

let token: string | null = null;
let status: SessionStatus = 'checking';
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<boolean> | null = null;
const listeners = new Set<Listener>();

function notify(): void {
  for (const listener of listeners) listener();
}

export function getToken(): string | null {
  return token;
}

export function getStatus(): SessionStatus {
  return status;
}

export function setToken(value: string, expiresInSeconds?: number): void {
  clearTimeout(refreshTimer);
  token = value;
  status = 'signed-in';
  if (expiresInSeconds && expiresInSeconds > 0) {
    const wait = Math.max(expiresInSeconds - REFRESH_AHEAD_SECONDS, expiresInSeconds / 2);
    refreshTimer = setTimeout(() => void refreshSession(), wait * 1000);
  }
  notify();
}

export function clearToken(): void {
  clearTimeout(refreshTimer);
  if (token === null && status === 'signed-out') return;
  token = null;
  status = 'signed-out';
  notify();
}

async function askForToken(): Promise<boolean> {
  try {
    const response = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) {
      clearToken();
      return false;
    }
    const issued = (await response.json()) as Issued;
    setToken(issued.access_token, issued.expires_in);
    return true;
  } catch {
    // Offline for a moment: keep what we have; the next call tries again.
    if (token === null) clearToken();
    return token !== null;
  }
}

/** A new access token from the session cookie. Tabs take turns (a refresh token is good for one use). */
export function refreshSession(): Promise<boolean> {
  if (inFlight) return inFlight;
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const asked: Promise<boolean> = locks
    ? (async () => await locks.request('tsunagu-refresh', askForToken))()
    : askForToken();
  const pending = asked.finally(() => {
    inFlight = null;
  });
  inFlight = pending;
  return pending;
}

/** Sign out here and end the session at the gateway (its cookie is cleared). */
export async function endSession(): Promise<void> {
  clearToken();
  await fetch('/api/v1/auth/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
}

export function subscribeToken(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
