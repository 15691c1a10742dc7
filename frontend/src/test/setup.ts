// Runs before every test file: the network is the only thing faked (see ./api.ts); i18n,
// the API client, the query cache and the forms are the app's own.
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { clearAllDrafts } from '@/shared/utils/session-draft';
import { fakeFetch, resetFakeApi } from './api';

// jsdom has no CSS.escape (the forms use it to focus a field by its useId id).
if (typeof globalThis.CSS === 'undefined') (globalThis as { CSS?: unknown }).CSS = {};
if (typeof CSS.escape !== 'function') {
  CSS.escape = (value: string) => value.replace(/([^\w-])/g, '\\$1');
}

// A browser's Request reads "/api/v1/…" against the page; Node's wants a full URL.
const NodeRequest = globalThis.Request;
const origin = typeof window === 'undefined' ? 'http://localhost' : window.location.origin;
globalThis.Request = class extends NodeRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, origin) : input, init);
  }
};

// openapi-fetch keeps the fetch it finds when the client is made: install ours first.
globalThis.fetch = fakeFetch;

await import('@/shared/i18n');

// *ByRole skips its visibility check (a getComputedStyle walk per element, slow in jsdom):
// our tests look for what is rendered, and nothing here is hidden by CSS. waitFor and findBy
// wait up to 5 s, not 1 s: a busy CI machine (browser tests beside) renders slowly.
configure({ defaultHidden: true, asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  resetFakeApi();
  // Pure functions' files run in plain Node (`@vitest-environment node`), without a window.
  if (typeof window === 'undefined') return;
  clearAllDrafts();
  window.sessionStorage.clear();
});
