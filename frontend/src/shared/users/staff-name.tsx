import { useTranslation } from 'react-i18next';
import { useStaffName } from './names';

type Props = {
  username: string | null | undefined;
  /** Shown when there is no username at all. */
  empty?: string;
};

/** A member of staff by name (the username while loading or when unknown), former staff marked. */
export function StaffName({ username, empty = '—' }: Props) {
  const { t } = useTranslation();
  const name = useStaffName(username);
  if (!username) return <>{empty}</>;
  const entry = name.data;
  if (!entry) return <span className="staff-name">{username}</span>;
  return (
    <span className="staff-name" title={username}>
      {entry.display_name}
      {!entry.active && <span className="staff-former">{t('staff.formerMark')}</span>}
    </span>
  );
}
