import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '@/shared/api/errors';
import { formatDateTime } from '@/shared/utils/datetime';
import { useReportStatus, type ReportStatus } from '../api/get-report-status';
import { normaliseReceiptCode } from '../utils/receipt-code';
import { publicErrorMessage } from '../utils/public-errors';
import { AddMessageForm } from './add-message-form';

/** Look a report up by its receipt code; see it and add information. */
export function ReportStatusPage() {
  const { t } = useTranslation();
  const id = useId();
  const location = useLocation();
  const navigate = useNavigate();
  // The receipt screen hands the code over in history state, never in the URL.
  const handedOver = (location.state as { code?: unknown } | null)?.code;
  const initial = typeof handedOver === 'string' ? normaliseReceiptCode(handedOver) : null;
  const [input, setInput] = useState(initial ?? '');
  const [code, setCode] = useState<string | null>(initial);
  const [formatError, setFormatError] = useState(false);
  const status = useReportStatus(code);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const alertRef = useRef<HTMLParagraphElement>(null);

  // Drop the handed-over code from history: a reload or Back on a shared phone must not show it.
  useEffect(() => {
    if (handedOver !== undefined) void navigate('.', { replace: true, state: null });
  }, [handedOver, navigate]);
  // Move to the result once per looked-up code, not again when an addition refreshes it.
  const shownFor = useRef<string | null>(null);
  useEffect(() => {
    if (status.data && code !== shownFor.current) {
      shownFor.current = code;
      resultRef.current?.focus();
    }
  }, [status.data, code]);
  useEffect(() => {
    if (status.error || formatError) alertRef.current?.focus();
  }, [status.error, formatError]);

  function handleLookup(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const normalised = normaliseReceiptCode(input);
    setFormatError(normalised === null);
    if (normalised === null) return;
    setInput(normalised);
    if (normalised === code) void status.refetch();
    else setCode(normalised);
  }

  function clear() {
    setCode(null);
    setInput('');
    setFormatError(false);
  }

  const notFound = status.error instanceof ApiError && status.error.status === 404;
  let lookupError: string | null = null;
  if (formatError) lookupError = t('publicReport.status.badFormat');
  else if (notFound) lookupError = t('publicReport.status.notFound');
  else if (status.error) lookupError = publicErrorMessage(status.error, t);

  return (
    <>
      <h1>{t('publicReport.status.title')}</h1>
      <p>{t('publicReport.status.intro')}</p>

      <form className="public-form" onSubmit={handleLookup}>
        {lookupError && (
          <p role="alert" className="alert" tabIndex={-1} ref={alertRef}>
            {lookupError}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('publicReport.status.code')}</label>
          <input
            id={`${id}-code`}
            name="receipt"
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            className="receipt-input"
            value={input}
            onChange={(e) => setInput(e.target.value)}
            aria-describedby={`${id}-code-hint`}
            aria-invalid={formatError || notFound || undefined}
          />
          <p id={`${id}-code-hint`} className="hint">
            {t('publicReport.status.codeHint')}
          </p>
        </div>
        <div className="actions">
          <button type="submit" className="button primary" disabled={status.isFetching}>
            {t('publicReport.status.lookup')}
          </button>
          {code && (
            <button type="button" className="button" onClick={clear}>
              {t('publicReport.status.clear')}
            </button>
          )}
        </div>
        <div role="status" className="public-progress">
          {status.isFetching && t('app.loading')}
        </div>
      </form>

      {code && status.data && (
        <StatusView code={code} report={status.data} headingRef={resultRef} />
      )}
    </>
  );
}

function StatusView({
  code,
  report,
  headingRef,
}: {
  code: string;
  report: ReportStatus;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="public-status" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1} ref={headingRef}>
        {t('publicReport.status.resultTitle')}
      </h2>
      <dl className="public-facts">
        <dt>{t('publicReport.status.codeShort')}</dt>
        <dd translate="no">{code}</dd>
        <dt>{t('publicReport.status.receivedAt')}</dt>
        <dd>
          <time dateTime={report.received_at}>{formatDateTime(report.received_at)}</time>
        </dd>
        <dt>{t('publicReport.status.state')}</dt>
        <dd>
          <span className={`public-state ${report.status}`}>
            {t(`publicReport.status.states.${report.status}`)}
          </span>
          <span className="hint public-state-hint">
            {t(`publicReport.status.stateHints.${report.status}`)}
          </span>
        </dd>
      </dl>
      <h3>{t('publicReport.status.yourReport')}</h3>
      <p className="public-text">{report.text}</p>
      <h3>{t('publicReport.status.additions')}</h3>
      {report.messages.length === 0 ? (
        <p className="muted">{t('publicReport.status.noAdditions')}</p>
      ) : (
        <ol className="public-messages">
          {report.messages.map((m, index) => (
            <li key={`${m.created_at}-${index}`}>
              <time dateTime={m.created_at}>{formatDateTime(m.created_at)}</time>
              <p className="public-text">{m.text}</p>
            </li>
          ))}
        </ol>
      )}
      <AddMessageForm code={code} />
    </section>
  );
}
