import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/shared/auth/current-user';
import { useAreas } from '../api/get-areas';
import { OpenCaseError, useOpenCaseWithHousehold } from '../api/open-case';
import { relationships, type Case, type Relationship } from '../api/types';
import { familyName, formatWarekiDate, todayInTokyo } from '../utils/dates';
import { ProblemAlert } from './problem-alert';

type MemberRow = {
  key: number;
  name: string;
  kana: string;
  birthDate: string;
  relationship: Relationship;
};

type Props = { onCreated: (created: Case) => void; onCancel: () => void };

/** 「ケースを開始」: a household with its members, then the case on it. */
export function CaseNewForm({ onCreated, onCancel }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const areas = useAreas();
  const nextKey = useRef(2);
  const [members, setMembers] = useState<MemberRow[]>([
    { key: 1, name: '', kana: '', birthDate: '', relationship: 'self' },
  ]);
  const [primaryKey, setPrimaryKey] = useState(1);
  // null until typed: until then the title follows the first member's family name.
  const [title, setTitle] = useState<string | null>(null);
  const [area, setArea] = useState<string | null>(null);
  const [lead, setLead] = useState<string | null>(null);

  const open = useOpenCaseWithHousehold({ onSuccess: onCreated });

  const firstName = members[0]?.name.trim() ?? '';
  const suggestedTitle = firstName ? t('cases.new.defaultTitle', { name: familyName(firstName) }) : '';
  const titleValue = title ?? suggestedTitle;
  const areaValue = area ?? me.data?.area ?? '';
  const leadValue = lead ?? (me.data?.role === 'csw' ? me.data.username : '');
  const today = todayInTokyo();

  const change = (key: number, patch: Partial<MemberRow>) =>
    setMembers((rows) => rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  function addMember() {
    const key = nextKey.current++;
    setMembers((rows) => [...rows, { key, name: '', kana: '', birthDate: '', relationship: 'parent' }]);
  }

  function removeMember(key: number) {
    const rest = members.filter((row) => row.key !== key);
    setMembers(rest);
    if (key === primaryKey && rest[0]) setPrimaryKey(rest[0].key);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = titleValue.trim();
    open.mutate({
      household: {
        name,
        area: areaValue || null,
        members: members.map((row) => ({
          person: {
            name: row.name.trim(),
            name_kana: row.kana.trim() || null,
            birth_date: row.birthDate || null,
            area: areaValue || null,
          },
          relationship: row.relationship,
          is_primary: row.key === primaryKey,
        })),
      },
      case: { title: name, area: areaValue, lead_username: leadValue.trim() || null },
    });
  }

  /** 'members.1.person.name_kana' → 「世帯員 2 フリガナ」. */
  const fieldLabel = (loc: (string | number)[]): string | null => {
    const path = loc.filter((part) => part !== 'body');
    const last = path.at(-1);
    const fieldNames: Record<string, string> = {
      name: t('cases.new.name'),
      name_kana: t('cases.new.kana'),
      birth_date: t('cases.new.birthDate'),
      relationship: t('cases.new.relationship'),
      title: t('cases.new.caseTitle'),
      area: t('cases.fields.area'),
      lead_username: t('cases.fields.lead'),
    };
    const field = typeof last === 'string' ? fieldNames[last] : undefined;
    if (path[0] === 'members' && typeof path[1] === 'number') {
      return `${t('cases.new.member', { n: path[1] + 1 })} ${field ?? ''}`.trim();
    }
    if (open.error instanceof OpenCaseError && open.error.step === 'household' && last === 'name') {
      return t('cases.new.caseTitle');
    }
    return field ?? null;
  };

  const error = open.error instanceof OpenCaseError ? open.error.cause : open.error;

  return (
    <form className="card form cases-new" onSubmit={handleSubmit} aria-describedby="cases-new-hint">
      <p id="cases-new-hint" className="hint">
        {t('cases.new.hint')}
      </p>
      {error != null && (
        <ProblemAlert
          error={error}
          fieldLabel={fieldLabel}
          failed={
            open.householdWritten ? t('cases.new.caseFailed') : t('cases.new.householdFailed')
          }
        />
      )}

      <fieldset className="cases-members">
        <legend>{t('cases.new.members')}</legend>
        {members.map((row, index) => {
          const base = `cases-new-member-${row.key}`;
          return (
            <fieldset key={row.key} className="cases-member">
              <legend>{t('cases.new.member', { n: index + 1 })}</legend>
              <div className="field">
                <div className="label-row">
                  <label htmlFor={`${base}-name`}>{t('cases.new.name')}</label>
                  <span className="tag required">{t('cases.required')}</span>
                </div>
                <input
                  id={`${base}-name`}
                  required
                  maxLength={400}
                  autoComplete="off"
                  value={row.name}
                  onChange={(e) => change(row.key, { name: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`${base}-kana`}>{t('cases.new.kana')}</label>
                <input
                  id={`${base}-kana`}
                  maxLength={400}
                  autoComplete="off"
                  aria-describedby={`${base}-kana-hint`}
                  value={row.kana}
                  onChange={(e) => change(row.key, { kana: e.target.value })}
                />
                <p id={`${base}-kana-hint`} className="hint">
                  {t('cases.new.kanaHint')}
                </p>
              </div>
              <div className="field">
                <label htmlFor={`${base}-birth`}>{t('cases.new.birthDate')}</label>
                <input
                  id={`${base}-birth`}
                  type="date"
                  max={today}
                  aria-describedby={row.birthDate ? `${base}-birth-wareki` : undefined}
                  value={row.birthDate}
                  onChange={(e) => change(row.key, { birthDate: e.target.value })}
                />
                {row.birthDate && (
                  <p id={`${base}-birth-wareki`} className="hint">
                    {formatWarekiDate(row.birthDate)}
                  </p>
                )}
              </div>
              <div className="field">
                <label htmlFor={`${base}-rel`}>{t('cases.new.relationship')}</label>
                <select
                  id={`${base}-rel`}
                  value={row.relationship}
                  onChange={(e) => change(row.key, { relationship: e.target.value as Relationship })}
                >
                  {relationships.map((r) => (
                    <option key={r} value={r}>
                      {t(`cases.relationship.${r}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="cases-member-tools">
                <label className="cases-check">
                  <input
                    type="radio"
                    name="cases-new-primary"
                    checked={row.key === primaryKey}
                    onChange={() => setPrimaryKey(row.key)}
                  />
                  {t('cases.new.primary')}
                </label>
                {members.length > 1 && (
                  <button type="button" className="button" onClick={() => removeMember(row.key)}>
                    {t('cases.new.removeMember', { n: index + 1 })}
                  </button>
                )}
              </div>
            </fieldset>
          );
        })}
        <button type="button" className="button" onClick={addMember}>
          {t('cases.new.addMember')}
        </button>
      </fieldset>

      <div className="field">
        <div className="label-row">
          <label htmlFor="cases-new-title">{t('cases.new.caseTitle')}</label>
          <span className="tag required">{t('cases.required')}</span>
        </div>
        <input
          id="cases-new-title"
          required
          maxLength={400}
          value={titleValue}
          aria-describedby="cases-new-title-hint"
          onChange={(e) => setTitle(e.target.value)}
        />
        <p id="cases-new-title-hint" className="hint">
          {t('cases.new.titleHint')}
        </p>
      </div>

      <div className="field">
        <div className="label-row">
          <label htmlFor="cases-new-area">{t('cases.fields.area')}</label>
          <span className="tag required">{t('cases.required')}</span>
        </div>
        <select
          id="cases-new-area"
          required
          value={areaValue}
          onChange={(e) => setArea(e.target.value)}
        >
          <option value="">{t('cases.choose')}</option>
          {areas.data?.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <label htmlFor="cases-new-lead">{t('cases.fields.lead')}</label>
        <input
          id="cases-new-lead"
          maxLength={100}
          autoComplete="off"
          aria-describedby="cases-new-lead-hint"
          value={leadValue}
          onChange={(e) => setLead(e.target.value)}
        />
        <p id="cases-new-lead-hint" className="hint">
          {t('cases.new.leadHint')}
        </p>
      </div>

      <div className="actions">
        <button type="submit" className="button primary" disabled={open.isPending}>
          {t('cases.new.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('cases.cancel')}
        </button>
      </div>
    </form>
  );
}
