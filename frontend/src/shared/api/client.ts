import createClient, { type Middleware } from 'openapi-fetch';
import { getToken, refreshSession } from '@/shared/auth/token-store';
import type { paths } from './schema';

const bearerAuth: Middleware = {
  onRequest({ request }) {
    const token = getToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ response }) {
    // The access token lapsed (or the session ended): ask the session for a new one; if that
    // fails too, the user is signed out and sent to the login page (see RequireAuth).
    if (response.status === 401) await refreshSession();
    return response;
  },
};

/** The one API client: same origin, behind the gateway. */
export const api = createClient<paths>({ baseUrl: '' });
api.use(bearerAuth);

/** A key that lets the server drop a repeated POST; randomUUID needs a secure context. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
