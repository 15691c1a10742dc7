import createClient from 'openapi-fetch';
import type { paths } from '@/shared/api/schema';

/**
 * The public pages' client: the same generated types as the staff client, but
 * without its bearer middleware, so that nothing of a staff login (token,
 * 401 handling) ever travels with an anonymous report.
 */
export const publicApi = createClient<paths>({ baseUrl: '', credentials: 'omit' });
