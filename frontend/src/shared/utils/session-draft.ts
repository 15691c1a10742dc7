// Unfinished form entries (a long phone intake) kept for this tab: in memory, and in
// sessionStorage so that a reload keeps them. Personal data: a form clears its draft once it
// is sent, and signing out clears them all (clearAllDrafts).
const PREFIX = 'tsunagu.draft.';
const memory = new Map<string, string>();

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage disabled: the in-memory copy still survives navigation
  }
}

/** The key of one form's draft for one user, e.g. "tsunagu.draft.consultation.csw-higashi". */
export function draftKey(form: string, username: string): string {
  return `${PREFIX}${form}.${username}`;
}

export function loadDraft<T>(key: string): T | null {
  const raw = memory.get(key) ?? storage()?.getItem(key) ?? null;
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    clearDraft(key);
    return null;
  }
}

export function saveDraft(key: string, value: unknown): void {
  const raw = JSON.stringify(value);
  memory.set(key, raw);
  try {
    storage()?.setItem(key, raw);
  } catch {
    // quota exceeded: the in-memory copy remains
  }
}

export function clearDraft(key: string): void {
  memory.delete(key);
  storage()?.removeItem(key);
}

/** Every draft of every form and user (at sign-out). */
export function clearAllDrafts(): void {
  memory.clear();
  const store = storage();
  if (!store) return;
  const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter(
    (k): k is string => k !== null && k.startsWith(PREFIX),
  );
  for (const k of keys) store.removeItem(k);
}
