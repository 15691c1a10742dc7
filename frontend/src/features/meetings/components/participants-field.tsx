import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyMember } from '../api/types';

/** Usernames typed into one box, separated by spaces or commas (Japanese ones too). */
export function splitUsernames(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/[\s,、，]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

type Props = {
  members: BodyMember[];
  checked: string[];
  onCheckedChange: (checked: string[]) => void;
  extra: string;
  onExtraChange: (extra: string) => void;
  confidential: boolean;
  legend?: string;
};

/** Participants: the body's members who sign in (ticked by default) and anyone else by username. */
export function ParticipantsField({ members, checked, onCheckedChange, extra, onExtraChange, confidential, legend }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const withLogin = members.filter((m) => m.username);
  const others = checked.filter((u) => !withLogin.some((m) => m.username === u));
  return (
    <fieldset className="meetings-fieldset">
      <legend>{legend ?? t('meetings.form.participants')}</legend>
      {withLogin.length > 0 && (
        <ul className="meetings-checks">
          {withLogin.map((m) => {
            const username = m.username as string;
            return (
              <li key={m.id}>
                <input
                  id={`${id}-${username}`}
                  type="checkbox"
                  checked={checked.includes(username)}
                  onChange={(e) =>
                    onCheckedChange(e.target.checked ? [...checked, username] : checked.filter((u) => u !== username))
                  }
                />
                <label htmlFor={`${id}-${username}`}>
                  {m.name ? `${m.name}（${username}）` : username}
                  {m.role !== 'member' && <span className="tag">{t(`meetings.memberRole.${m.role}`)}</span>}
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {others.length > 0 && (
        <p className="hint">{t('meetings.form.otherParticipants', { names: others.join('、') })}</p>
      )}
      <div className="field">
        <label htmlFor={`${id}-extra`}>{t('meetings.form.extraParticipants')}</label>
        <input
          id={`${id}-extra`}
          value={extra}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => onExtraChange(e.target.value)}
          aria-describedby={`${id}-extra-hint`}
        />
        <p id={`${id}-extra-hint`} className="hint">
          {confidential ? t('meetings.form.extraHintConfidential') : t('meetings.form.extraHint')}
        </p>
      </div>
    </fieldset>
  );
}
