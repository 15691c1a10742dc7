// A fake gateway for the unit tests: a table of routes answering JSON, and every request the
// app sent, body parsed, for the test to read.

export type SentRequest = {
  method: string;
  path: string;
  search: string;
  headers: Headers;
  body: unknown;
};

type Reply = { status?: number; body?: unknown } | ((request: SentRequest) => { status?: number; body?: unknown });

const routes = new Map<string, Reply>();
export const sent: SentRequest[] = [];

/** Answer `METHOD /path` (no query string) with this status and JSON body from now on. */
export function route(method: string, path: string, reply: Reply): void {
  routes.set(`${method.toUpperCase()} ${path}`, reply);
}

/** The requests sent with this method to this path. */
export function sentTo(method: string, path: string): SentRequest[] {
  return sent.filter((r) => r.method === method.toUpperCase() && r.path === path);
}

export function resetFakeApi(): void {
  routes.clear();
  sent.length = 0;
}

export const fakeFetch: typeof fetch = async (input, init) => {
  const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
  const url = new URL(request.url, 'http://localhost');
  const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
  const record: SentRequest = {
    method: request.method,
    path: url.pathname,
    search: url.search,
    headers: request.headers,
    body: text ? JSON.parse(text) : undefined,
  };
  sent.push(record);
  const reply = routes.get(`${request.method} ${url.pathname}`);
  const answer = typeof reply === 'function' ? reply(record) : reply;
  if (!answer) {
    return new Response(JSON.stringify({ title: 'not faked', status: 404 }), {
      status: 404,
      headers: { 'Content-Type': 'application/problem+json' },
    });
  }
  const status = answer.status ?? 200;
  return new Response(status === 204 ? null : JSON.stringify(answer.body ?? null), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
};

/** The signed-in user, as /api/v1/auth/me answers. */
export function signedIn(user: Partial<Record<string, unknown>> = {}): void {
  route('GET', '/api/v1/auth/me', {
    body: {
      username: 'csw-higashi',
      display_name: '東 花子',
      role: 'csw',
      area: 'higashi',
      agency_id: null,
      ...user,
    },
  });
}

/** The four demo areas, as /api/v1/areas answers. */
export function withAreas(): void {
  route('GET', '/api/v1/areas', {
    body: [
      { code: 'higashi', name: '東圏域' },
      { code: 'nishi', name: '西圏域' },
      { code: 'minami', name: '南圏域' },
      { code: 'kita', name: '北圏域' },
    ],
  });
}
