import { leadingZeroBits, Sha256 } from './sha256';

const encoder = new TextEncoder();
const ZERO = 48; // '0'

/**
 * Try the decimal nonces start … start+count-1 against the challenge: the first whose
 * SHA-256("<challenge>:<nonce>") has `difficulty` leading zero bits, or null.
 */
export function searchNonce(
  challenge: string,
  difficulty: number,
  start: number,
  count: number,
): string | null {
  const prefix = encoder.encode(`${challenge}:`);
  const message = new Uint8Array(prefix.length + 20);
  message.set(prefix);
  const hasher = new Sha256();
  const end = start + count;
  for (let n = start; n < end; n++) {
    // The nonce's decimal digits, written in place: no string per attempt.
    let digits = 1;
    for (let v = n; v >= 10; v = Math.floor(v / 10)) digits++;
    let v = n;
    for (let i = prefix.length + digits - 1; i >= prefix.length; i--) {
      message[i] = ZERO + (v % 10);
      v = Math.floor(v / 10);
    }
    if (leadingZeroBits(hasher.digestWords(message, prefix.length + digits)) >= difficulty) {
      return String(n);
    }
  }
  return null;
}
