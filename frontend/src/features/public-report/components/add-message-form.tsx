import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddReportMessage } from '../api/add-report-message';
import { publicErrorMessage } from '../utils/public-errors';
import { HoneypotField } from './honeypot-field';
import { SubmitProgress } from './submit-progress';

const TEXT_MAX = 2000;

/** A follow-up from the reporter: it joins the same report on the staff side. */
export function AddMessageForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [website, setWebsite] = useState('');
  const [sent, setSent] = useState(false);
  const add = useAddReportMessage();
  const alertRef = useRef<HTMLParagraphElement>(null);
  const busy = add.phase !== 'idle' || add.isPending;
  const tooLong = text.length > TEXT_MAX;

  useEffect(() => {
    if (add.error) alertRef.current?.focus();
  }, [add.error]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || tooLong) return;
    setSent(false);
    add.mutate(
      { code, text: text.trim(), website },
      {
        onSuccess: () => {
          setText('');
          setSent(true);
        },
      },
    );
  }

  return (
    <form className="public-form public-add" onSubmit={handleSubmit} aria-busy={busy}>
      <h3>{t('publicReport.add.title')}</h3>
      {add.error && (
        <p role="alert" className="alert" tabIndex={-1} ref={alertRef}>
          {publicErrorMessage(add.error, t)}
        </p>
      )}
      <div className="field">
        <div className="label-row">
          <label htmlFor={`${id}-text`}>{t('publicReport.add.text')}</label>
          <span className="tag required">{t('publicReport.required')}</span>
        </div>
        <p id={`${id}-hint`} className="hint">
          {t('publicReport.add.hint')}
        </p>
        <textarea
          id={`${id}-text`}
          name="text"
          required
          rows={5}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setSent(false);
          }}
          aria-describedby={`${id}-hint ${id}-count`}
          aria-invalid={tooLong || undefined}
        />
        <p id={`${id}-count`} className={tooLong ? 'field-error' : 'hint'}>
          {t('publicReport.count', { count: text.length, max: TEXT_MAX })}
        </p>
      </div>
      <HoneypotField id={`${id}-website`} value={website} onChange={setWebsite} />
      <button
        type="submit"
        className="button primary public-submit"
        disabled={busy}
      >
        {t('publicReport.add.submit')}
      </button>
      <SubmitProgress phase={add.phase} />
      <p role="status" className="public-sent">
        {sent && t('publicReport.add.sent')}
      </p>
    </form>
  );
}
