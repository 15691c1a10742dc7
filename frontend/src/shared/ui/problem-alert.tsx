import { ApiError, locPath, type FieldError } from '@/shared/api/errors';

/** The sentences an alert needs, already translated by the feature that shows it. */
export type ProblemMessages = {
  /** 412/428: someone else changed it first. */
  stale: string;
  /** The button offered on 412/428. */
  reload: string;
  /** The headline when the caller gives no `failed`. */
  failed: string;
  /** The headline of a 422 with field errors. */
  invalid: string;
  /** The headline of a 403. */
  forbidden: string;
  /** Shown when the request never got an answer. */
  network: string;
  /** Between a field's label and its message; ": " when not given. */
  separator?: string;
};

export type ProblemAlertProps = {
  error: unknown;
  /** Offered on 412/428: someone else changed the thing, read it again. */
  onReload?: () => void;
  /** What the user was doing, e.g. 「記録を追加できませんでした。」 */
  failed?: string;
  messages: ProblemMessages;
  /** The feature's alert class, next to "alert". */
  className?: string;
  /** Also show the server's title on a 422 (when it differs from the headline). */
  showTitleOn422?: boolean;
  /** A field's name as the form labels it, from the error's `loc`; the "body"-less path when null. */
  fieldLabel?: (loc: FieldError['loc']) => string | null;
  /** A field error's message as the user should read it; the server's `msg` when not given. */
  describeFieldError?: (item: FieldError) => string;
};

/**
 * An API error (RFC 9457 problem) as the user should read it: a headline, the server's title and
 * detail, the field errors of a 422, or a reload prompt on 412/428.
 */
export function ProblemAlert({
  error,
  onReload,
  failed,
  messages,
  className,
  showTitleOn422 = false,
  fieldLabel,
  describeFieldError,
}: ProblemAlertProps) {
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const status = apiError?.status;
  const classes = className ? `alert ${className}` : 'alert';

  if (status === 412 || status === 428) {
    return (
      <div role="alert" className={classes}>
        <p>{messages.stale}</p>
        {onReload && (
          <button type="button" className="button" onClick={onReload}>
            {messages.reload}
          </button>
        )}
      </div>
    );
  }

  const problem = apiError?.problem;
  const fieldErrors = Array.isArray(problem?.errors) ? problem.errors : [];
  let headline = failed ?? messages.failed;
  if (status === 422 && fieldErrors.length > 0) headline = messages.invalid;
  else if (status === 403) headline = messages.forbidden;
  const title = problem?.title;
  const detail = problem?.detail;

  return (
    <div role="alert" className={classes}>
      <p>{headline}</p>
      {title && title !== headline && (showTitleOn422 || status !== 422) && <p>{title}</p>}
      {detail && detail !== title && <p>{detail}</p>}
      {fieldErrors.length > 0 && (
        <ul>
          {fieldErrors.map((item, i) => (
            <li key={i}>
              {fieldLabel?.(item.loc) ?? locPath(item.loc)}
              {messages.separator ?? ': '}
              {describeFieldError ? describeFieldError(item) : item.msg}
            </li>
          ))}
        </ul>
      )}
      {!apiError && <p>{messages.network}</p>}
    </div>
  );
}
