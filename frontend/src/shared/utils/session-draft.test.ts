import { describe, expect, it } from 'vitest';
import { clearAllDrafts, clearDraft, draftKey, loadDraft, saveDraft } from './session-draft';

describe('session drafts', () => {
  it('a draft is kept per form and user, in sessionStorage too', () => {
    const key = draftKey('consultation', 'csw-higashi');
    expect(key).toBe('tsunagu.draft.consultation.csw-higashi');
    saveDraft(key, { summary: '家賃の滞納' });
    expect(loadDraft(key)).toEqual({ summary: '家賃の滞納' });
    expect(JSON.parse(sessionStorage.getItem(key)!)).toEqual({ summary: '家賃の滞納' });
    expect(loadDraft(draftKey('consultation', 'csw-nishi'))).toBeNull();
    clearDraft(key);
    expect(loadDraft(key)).toBeNull();
    expect(sessionStorage.getItem(key)).toBeNull();
  });

  it('a reload (sessionStorage only) still finds it; a broken one is dropped', () => {
    sessionStorage.setItem('tsunagu.draft.case.sup1', JSON.stringify({ title: '山田さん世帯' }));
    expect(loadDraft('tsunagu.draft.case.sup1')).toEqual({ title: '山田さん世帯' });
    sessionStorage.setItem('tsunagu.draft.case.sup2', '{not json');
    expect(loadDraft('tsunagu.draft.case.sup2')).toBeNull();
    expect(sessionStorage.getItem('tsunagu.draft.case.sup2')).toBeNull();
  });

  it('signing out clears every draft and nothing else', () => {
    saveDraft(draftKey('consultation', 'a'), 1);
    saveDraft(draftKey('triage', 'b'), 2);
    sessionStorage.setItem('other.key', 'kept');
    clearAllDrafts();
    expect(loadDraft(draftKey('consultation', 'a'))).toBeNull();
    expect(loadDraft(draftKey('triage', 'b'))).toBeNull();
    expect(sessionStorage.getItem('other.key')).toBe('kept');
  });
});
