// The proof-of-work search, off the main thread so the page stays responsive.
import { searchNonce } from './pow-search';

export type PowRequest = { challenge: string; difficulty: number };
export type PowMessage = { type: 'progress'; tried: number } | { type: 'found'; nonce: string };

const BATCH = 50_000;

self.addEventListener('message', (event: MessageEvent<PowRequest>) => {
  const { challenge, difficulty } = event.data;
  for (let start = 0; ; start += BATCH) {
    const nonce = searchNonce(challenge, difficulty, start, BATCH);
    if (nonce !== null) {
      self.postMessage({ type: 'found', nonce } satisfies PowMessage);
      return;
    }
    self.postMessage({ type: 'progress', tried: start + BATCH } satisfies PowMessage);
  }
});
