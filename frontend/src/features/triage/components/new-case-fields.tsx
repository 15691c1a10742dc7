import { useTranslation } from 'react-i18next';
import type { Candidate } from '../api/get-candidates';
import type { Relationship } from '../api/triage';

export type MemberDraft = {
  key: string;
  mode: 'new' | 'existing';
  personId: string;
  name: string;
  kana: string;
  birthDate: string;
  sex: '' | 'female' | 'male' | 'other' | 'unknown';
  address: string;
  phone: string;
  relationship: Relationship;
};

export type NewCaseDraft = {
  title: string;
  lead: string;
  householdName: string;
  members: MemberDraft[];
  primaryKey: string;
};

// Records rather than arrays: a value added to the API is then a type error here.
const relationshipOrder: Record<Relationship, true> = {
  self: true,
  parent: true,
  child: true,
  spouse: true,
  sibling: true,
  grandparent: true,
  grandchild: true,
  other_relative: true,
  cohabitant: true,
};
const relationships = Object.keys(relationshipOrder) as Relationship[];
const sexOrder: Record<Exclude<MemberDraft['sex'], ''>, true> = {
  female: true,
  male: true,
  other: true,
  unknown: true,
};
const sexes = Object.keys(sexOrder) as Exclude<MemberDraft['sex'], ''>[];

let memberCounter = 0;
export function emptyMember(relationship: Relationship = 'other_relative'): MemberDraft {
  memberCounter += 1;
  return {
    key: `m${memberCounter}`,
    mode: 'new',
    personId: '',
    name: '',
    kana: '',
    birthDate: '',
    sex: '',
    address: '',
    phone: '',
    relationship,
  };
}

type Props = {
  idPrefix: string;
  draft: NewCaseDraft;
  onChange: (draft: NewCaseDraft) => void;
  candidates: Candidate[];
};

/** The new case: title, lead and the household's members (new persons or matched ones). */
export function NewCaseFields({ idPrefix, draft, onChange, candidates }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<NewCaseDraft>) => onChange({ ...draft, ...patch });
  const setMember = (key: string, patch: Partial<MemberDraft>) =>
    set({ members: draft.members.map((m) => (m.key === key ? { ...m, ...patch } : m)) });
  const remove = (key: string) => {
    const members = draft.members.filter((m) => m.key !== key);
    set({
      members,
      primaryKey: draft.primaryKey === key ? (members[0]?.key ?? '') : draft.primaryKey,
    });
  };

  return (
    <div className="triage-new-case">
      <div className="field">
        <div className="label-row">
          <label htmlFor={`${idPrefix}-title`}>{t('triage.newCase.title')}</label>
          <span className="tag required">{t('triage.required')}</span>
        </div>
        <input
          id={`${idPrefix}-title`}
          required
          maxLength={200}
          autoComplete="off"
          value={draft.title}
          onChange={(e) => set({ title: e.target.value })}
          aria-describedby={`${idPrefix}-title-hint`}
        />
        <p id={`${idPrefix}-title-hint`} className="hint">
          {t('triage.newCase.titleHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-lead`}>{t('triage.newCase.lead')}</label>
        <input
          id={`${idPrefix}-lead`}
          autoComplete="off"
          value={draft.lead}
          onChange={(e) => set({ lead: e.target.value })}
          aria-describedby={`${idPrefix}-lead-hint`}
        />
        <p id={`${idPrefix}-lead-hint`} className="hint">
          {t('triage.newCase.leadHint')}
        </p>
      </div>
      <div className="field">
        <div className="label-row">
          <label htmlFor={`${idPrefix}-household`}>{t('triage.newCase.householdName')}</label>
          <span className="tag">{t('triage.optional')}</span>
        </div>
        <input
          id={`${idPrefix}-household`}
          autoComplete="off"
          maxLength={300}
          value={draft.householdName}
          onChange={(e) => set({ householdName: e.target.value })}
          aria-describedby={`${idPrefix}-household-hint`}
        />
        <p id={`${idPrefix}-household-hint`} className="hint">
          {t('triage.newCase.householdHint')}
        </p>
      </div>

      {draft.members.map((member, index) => {
        const p = `${idPrefix}-${member.key}`;
        return (
          <fieldset key={member.key} className="triage-member">
            <legend>{t('triage.newCase.member', { n: index + 1 })}</legend>
            {candidates.length > 0 && (
              <div className="triage-choice">
                <label>
                  <input
                    type="radio"
                    name={`${p}-mode`}
                    checked={member.mode === 'new'}
                    onChange={() => setMember(member.key, { mode: 'new' })}
                  />
                  {t('triage.newCase.modeNew')}
                </label>
                <label>
                  <input
                    type="radio"
                    name={`${p}-mode`}
                    checked={member.mode === 'existing'}
                    onChange={() =>
                      setMember(member.key, {
                        mode: 'existing',
                        personId: member.personId || (candidates[0]?.person.id ?? ''),
                      })
                    }
                  />
                  {t('triage.newCase.modeExisting')}
                </label>
              </div>
            )}
            {member.mode === 'existing' ? (
              <div className="field">
                <label htmlFor={`${p}-person`}>{t('triage.newCase.existingPerson')}</label>
                <select
                  id={`${p}-person`}
                  required
                  value={member.personId}
                  onChange={(e) => setMember(member.key, { personId: e.target.value })}
                >
                  {candidates.map((c) => (
                    <option key={c.person.id} value={c.person.id}>
                      {c.person.name}
                      {c.person.name_kana ? `（${c.person.name_kana}）` : ''}
                      {c.person.birth_date ? ` ${c.person.birth_date}` : ''}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              <div className="triage-member-grid">
                <div className="field">
                  <div className="label-row">
                    <label htmlFor={`${p}-name`}>{t('triage.newCase.name')}</label>
                    <span className="tag required">{t('triage.required')}</span>
                  </div>
                  <input
                    id={`${p}-name`}
                    required
                    autoComplete="off"
                    maxLength={200}
                    value={member.name}
                    onChange={(e) => setMember(member.key, { name: e.target.value })}
                    aria-describedby={`${p}-name-hint`}
                  />
                  <p id={`${p}-name-hint`} className="hint">
                    {t('triage.newCase.nameHint')}
                  </p>
                </div>
                <div className="field">
                  <label htmlFor={`${p}-kana`}>{t('triage.newCase.kana')}</label>
                  <input
                    id={`${p}-kana`}
                    autoComplete="off"
                    value={member.kana}
                    onChange={(e) => setMember(member.key, { kana: e.target.value })}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${p}-birth`}>{t('triage.newCase.birthDate')}</label>
                  <input
                    id={`${p}-birth`}
                    type="date"
                    value={member.birthDate}
                    onChange={(e) => setMember(member.key, { birthDate: e.target.value })}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${p}-sex`}>{t('triage.newCase.sex')}</label>
                  <select
                    id={`${p}-sex`}
                    value={member.sex}
                    onChange={(e) =>
                      setMember(member.key, { sex: e.target.value as MemberDraft['sex'] })
                    }
                  >
                    <option value="">{t('triage.notEntered')}</option>
                    {sexes.map((s) => (
                      <option key={s} value={s}>
                        {t(`triage.sex.${s}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field triage-wide">
                  <label htmlFor={`${p}-address`}>{t('triage.newCase.address')}</label>
                  <input
                    id={`${p}-address`}
                    autoComplete="off"
                    maxLength={300}
                    value={member.address}
                    onChange={(e) => setMember(member.key, { address: e.target.value })}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${p}-phone`}>{t('triage.newCase.phone')}</label>
                  <input
                    id={`${p}-phone`}
                    type="tel"
                    autoComplete="off"
                    value={member.phone}
                    onChange={(e) => setMember(member.key, { phone: e.target.value })}
                  />
                </div>
              </div>
            )}
            <div className="triage-member-grid">
              <div className="field">
                <label htmlFor={`${p}-relationship`}>{t('triage.newCase.relationship')}</label>
                <select
                  id={`${p}-relationship`}
                  value={member.relationship}
                  onChange={(e) =>
                    setMember(member.key, { relationship: e.target.value as Relationship })
                  }
                >
                  {relationships.map((r) => (
                    <option key={r} value={r}>
                      {t(`triage.relationship.${r}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field triage-primary">
                <label>
                  <input
                    type="radio"
                    name={`${idPrefix}-primary`}
                    checked={draft.primaryKey === member.key}
                    onChange={() => set({ primaryKey: member.key })}
                  />
                  {t('triage.newCase.primary')}
                </label>
              </div>
            </div>
            {draft.members.length > 1 && (
              <button type="button" className="button" onClick={() => remove(member.key)}>
                {t('triage.newCase.removeMember', { n: index + 1 })}
              </button>
            )}
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button"
        disabled={draft.members.length >= 20}
        onClick={() => set({ members: [...draft.members, emptyMember()] })}
      >
        {t('triage.newCase.addMember')}
      </button>
    </div>
  );
}
