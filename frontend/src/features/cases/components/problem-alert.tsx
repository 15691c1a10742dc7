import { useTranslation } from 'react-i18next';
import { ApiError } from '@/shared/api/errors';

type Props = {
  error: unknown;
  /** Offered on 412/428: someone else changed the thing, read it again. */
  onReload?: () => void;
  /** What the user was doing, e.g. 「記録を追加できませんでした。」 */
  failed?: string;
  /** A field's name as the form labels it, from the error's `loc`; the raw path when null. */
  fieldLabel?: (loc: (string | number)[]) => string | null;
};

/** An API error as the user should read it: the server's Japanese title, field errors, or a reload prompt. */
export function ProblemAlert({ error, onReload, failed, fieldLabel }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const status = apiError?.status;

  if (status === 412 || status === 428) {
    return (
      <div role="alert" className="alert cases-alert">
        <p>{t('cases.errors.stale')}</p>
        {onReload && (
          <button type="button" className="button" onClick={onReload}>
            {t('cases.errors.reload')}
          </button>
        )}
      </div>
    );
  }

  const problem = apiError?.problem;
  const fieldErrors = Array.isArray(problem?.errors) ? problem.errors : [];
  let headline = failed ?? t('cases.errors.failed');
  if (status === 422 && fieldErrors.length > 0) headline = t('cases.errors.invalid');
  else if (status === 403) headline = t('cases.errors.forbidden');
  const title = problem?.title;
  const detail = problem?.detail;

  return (
    <div role="alert" className="alert cases-alert">
      <p>{headline}</p>
      {title && title !== headline && <p>{title}</p>}
      {detail && detail !== title && <p>{detail}</p>}
      {fieldErrors.length > 0 && (
        <ul>
          {fieldErrors.map((item, i) => (
            <li key={i}>
              {fieldLabel?.(item.loc) ?? item.loc.filter((part) => part !== 'body').join('.')}
              {': '}
              {item.msg}
            </li>
          ))}
        </ul>
      )}
      {!apiError && <p>{t('cases.errors.network')}</p>}
    </div>
  );
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
