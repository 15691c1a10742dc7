import type { CurrentUser } from '@/shared/auth/current-user';
import type { Case } from '../api/types';

/** What every section of the case page is given. */
export type SectionProps = {
  caseId: string;
  kase: Case;
  /** The case's ETag, for If-Match. */
  etag: string;
  me: CurrentUser | undefined;
  /** Read the whole case again (after a 412). */
  reload: () => void;
  /** Agency members and systems read a shared case; they do not change it. */
  readOnly: boolean;
};
