// Receipt codes are 16 base32 characters (A–Z, 2–7) shown as ABCD-EFGH-IJKL-MNOP.
// People copy them by hand: accept lower case, full width, spaces, no hyphens,
// and the digits that base32 never uses but that look like its letters.

const LOOK_ALIKES: Record<string, string> = { '0': 'O', '1': 'I', '8': 'B' };
const CODE_LENGTH = 16;

/** The code as the server expects it (ABCD-EFGH-IJKL-MNOP), or null when it cannot be one. */
export function normaliseReceiptCode(input: string): string | null {
  const folded = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/[018]/g, (ch) => LOOK_ALIKES[ch] ?? ch);
  if (folded.length !== CODE_LENGTH || !/^[A-Z2-7]+$/.test(folded)) return null;
  return folded.match(/.{4}/g)!.join('-');
}
