import { searchNonce } from './pow-search';
import type { PowMessage, PowRequest } from './pow.worker';

type Options = { signal?: AbortSignal; onProgress?: (tried: number) => void };

/**
 * Find a nonce such that SHA-256("<challenge>:<nonce>") starts with `difficulty` zero bits.
 * Runs in a Web Worker; falls back to short slices on the main thread where workers fail.
 */
export async function solveChallenge(
  challenge: string,
  difficulty: number,
  options: Options = {},
): Promise<string> {
  const nonce = await inWorker(challenge, difficulty, options).catch((error: unknown) => {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return onMainThread(challenge, difficulty, options);
  });
  await verify(challenge, nonce, difficulty);
  return nonce;
}

function inWorker(challenge: string, difficulty: number, { signal, onProgress }: Options) {
  return new Promise<string>((resolve, reject) => {
    const worker = new Worker(new URL('./pow.worker.ts', import.meta.url), { type: 'module' });
    const stop = () => {
      worker.terminate();
      reject(new DOMException('aborted', 'AbortError'));
    };
    if (signal?.aborted) return stop();
    signal?.addEventListener('abort', stop, { once: true });
    worker.addEventListener('message', (event: MessageEvent<PowMessage>) => {
      if (event.data.type === 'progress') {
        onProgress?.(event.data.tried);
        return;
      }
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      resolve(event.data.nonce);
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      reject(new Error('proof-of-work worker failed'));
    });
    worker.postMessage({ challenge, difficulty } satisfies PowRequest);
  });
}

async function onMainThread(
  challenge: string,
  difficulty: number,
  { signal, onProgress }: Options,
): Promise<string> {
  const slice = 5_000;
  for (let start = 0; ; start += slice) {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const nonce = searchNonce(challenge, difficulty, start, slice);
    if (nonce !== null) return nonce;
    onProgress?.(start + slice);
    // Yield so that the page can still paint and answer input.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Check the answer with the browser's own SHA-256 where it exists (secure contexts). */
async function verify(challenge: string, nonce: string, difficulty: number): Promise<void> {
  if (!globalThis.crypto?.subtle) return;
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${challenge}:${nonce}`)),
  );
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    bits += Math.clz32(byte) - 24;
    break;
  }
  if (bits < difficulty) throw new Error('proof-of-work answer did not verify');
}
