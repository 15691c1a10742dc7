// The access token lives in memory only: never in localStorage or
// sessionStorage, so a reload or a closed tab signs the user out.

type Listener = () => void;

let token: string | null = null;
let expiryTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<Listener>();

function notify(): void {
  for (const listener of listeners) listener();
}

export function getToken(): string | null {
  return token;
}

export function setToken(value: string, expiresInSeconds?: number): void {
  clearTimeout(expiryTimer);
  token = value;
  if (expiresInSeconds && expiresInSeconds > 0) {
    expiryTimer = setTimeout(clearToken, expiresInSeconds * 1000);
  }
  notify();
}

export function clearToken(): void {
  clearTimeout(expiryTimer);
  if (token === null) return;
  token = null;
  notify();
}

export function subscribeToken(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
