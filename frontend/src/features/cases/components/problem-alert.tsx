import { useTranslation } from 'react-i18next';
import { ApiError } from '@/shared/api/errors';
import { ProblemAlert as SharedProblemAlert, type ProblemAlertProps } from '@/shared/ui/problem-alert';

type Props = Omit<ProblemAlertProps, 'messages' | 'className' | 'showTitleOn422' | 'describeFieldError'>;

/** The shared problem alert in the cases feature's words; the server's title shows on a 422 too. */
export function ProblemAlert(props: Props) {
  const { t } = useTranslation();
  if (!props.error) return null;
  const messages = {
    stale: t('cases.errors.stale'),
    reload: t('cases.errors.reload'),
    failed: t('cases.errors.failed'),
    invalid: t('cases.errors.invalid'),
    forbidden: t('cases.errors.forbidden'),
    network: t('cases.errors.network'),
  };
  return <SharedProblemAlert {...props} messages={messages} className="cases-alert" showTitleOn422 />;
}

/**
 * A part of a case that failed to load. 403/404 on a part of a case the user can open means the
 * part is outside what is shared with them (an agency sees only what consent allows): say so
 * quietly rather than as an error.
 */
export function SectionError({ error, failed }: { error: unknown; failed: string }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
    return <p className="muted">{t('cases.page.notShared')}</p>;
  }
  return <ProblemAlert error={error} failed={failed} />;
}

/** True when the error is the API's "not found or not yours". */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
