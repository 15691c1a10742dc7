import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { StaffName } from '@/shared/users/staff-name';
import { useStaffNames } from '@/shared/users/names';
import { StaffMultiPicker } from '@/shared/users/staff-picker';
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

/** Participants: the body's members who sign in (ticked by default) and anyone else, chosen by name. */
export function ParticipantsField({ members, checked, onCheckedChange, extra, onExtraChange, confidential, legend }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const withLogin = members.filter((m) => m.username);
  const others = checked.filter((u) => !withLogin.some((m) => m.username === u));
  const staffName = useStaffNames(others);
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
                  {m.name ?? <StaffName username={username} />}
                  {m.role !== 'member' && <span className="tag">{t(`meetings.memberRole.${m.role}`)}</span>}
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {others.length > 0 && (
        <p className="hint">{t('meetings.form.otherParticipants', { names: others.map(staffName).join('、') })}</p>
      )}
      <div className="field">
        <StaffMultiPicker
          label={t('staffPicker.addParticipant')}
          values={splitUsernames(extra).filter((u) => !checked.includes(u))}
          onChange={(usernames) => onExtraChange(usernames.join(' '))}
          hint={confidential ? t('meetings.form.extraHintConfidential') : t('staffPicker.addParticipantHint')}
        />
      </div>
    </fieldset>
  );
}
