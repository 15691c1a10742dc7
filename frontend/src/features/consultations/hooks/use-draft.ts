import { useEffect, useRef, useState } from 'react';
import { clearDraft, draftKey, loadDraft, saveDraft } from '@/shared/utils/session-draft';

export type Draft = {
  /** Whether an earlier entry was put back into the form when it opened. */
  restored: boolean;
  /** Forget the draft and put the form back as it opened empty. */
  discard: () => void;
  /** Forget the draft for good (the entry was sent): nothing is saved after this. */
  finish: () => void;
};

/**
 * Keeps a form's current values as a draft for this user (memory and sessionStorage) and, when
 * the form opens with one waiting, puts it back with `restore`. A form still as it opened keeps
 * no draft. Independent of how the form holds its state, so it survives a move to a form library.
 */
export function useDraft<T>(
  form: string,
  username: string | undefined,
  values: T,
  restore: (draft: T) => void,
): Draft {
  const key = username ? draftKey(form, username) : null;
  const serialized = JSON.stringify(values);
  const blank = useRef(serialized);
  const finished = useRef(false);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);

  // Once the user is known: put back what they had not finished.
  useEffect(() => {
    if (!key || loadedFor === key) return;
    const saved = loadDraft<T>(key);
    if (saved) {
      restore(saved);
      setRestored(true);
    }
    setLoadedFor(key);
  }, [key, loadedFor, restore]);

  // Every change, after the restore: save it, or drop the draft when the form is blank again.
  useEffect(() => {
    if (!key || loadedFor !== key || finished.current) return;
    if (serialized === blank.current) clearDraft(key);
    else saveDraft(key, JSON.parse(serialized) as unknown);
  }, [key, loadedFor, serialized]);

  return {
    restored,
    discard: () => {
      if (key) clearDraft(key);
      restore(JSON.parse(blank.current) as T);
      setRestored(false);
    },
    finish: () => {
      finished.current = true;
      if (key) clearDraft(key);
    },
  };
}
