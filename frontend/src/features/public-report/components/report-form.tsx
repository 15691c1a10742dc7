import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmitReport, type Receipt } from '../api/submit-report';
import { publicErrorMessage } from '../utils/public-errors';
import { HoneypotField } from './honeypot-field';
import { ReceiptView } from './receipt-view';
import { SubmitProgress } from './submit-progress';

const TEXT_MAX = 2000;
const PLACE_MAX = 200;
const WHEN_MAX = 100;

/** The anonymous report form; after sending, the receipt code in its place. */
export function ReportForm() {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [place, setPlace] = useState('');
  const [when, setWhen] = useState('');
  const [website, setWebsite] = useState('');
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const alertRef = useRef<HTMLParagraphElement>(null);
  const submit = useSubmitReport();
  const busy = submit.phase !== 'idle' || submit.isPending;
  const textTooLong = text.length > TEXT_MAX;

  useEffect(() => {
    if (submit.error) alertRef.current?.focus();
  }, [submit.error]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || textTooLong) return;
    submit.mutate(
      { text: text.trim(), place: place.trim() || null, when: when.trim() || null, website },
      {
        onSuccess: (data) => {
          setReceipt(data);
          setText('');
          setPlace('');
          setWhen('');
        },
      },
    );
  }

  if (receipt) {
    return (
      <ReceiptView
        receipt={receipt}
        onAnother={() => {
          submit.reset();
          setReceipt(null);
        }}
      />
    );
  }


  return (
    <>
      <h1>{t('publicReport.title')}</h1>
      <p>{t('publicReport.intro')}</p>
      <section className="public-privacy" aria-labelledby={`${id}-privacy`}>
        <h2 id={`${id}-privacy`}>{t('publicReport.privacyTitle')}</h2>
        <ul>
          <li>{t('publicReport.privacyNoName')}</li>
          <li>{t('publicReport.privacyNotRecorded')}</li>
          <li>{t('publicReport.privacyReceipt')}</li>
        </ul>
      </section>

      <form className="public-form" onSubmit={handleSubmit} aria-busy={busy}>
        {submit.error && (
          <p role="alert" className="alert" tabIndex={-1} ref={alertRef}>
            {publicErrorMessage(submit.error, t)}
          </p>
        )}

        <div className="field">
          <div className="label-row">
            <label htmlFor={`${id}-text`}>{t('publicReport.text')}</label>
            <span className="tag required">{t('publicReport.required')}</span>
          </div>
          <p id={`${id}-text-hint`} className="hint">
            {t('publicReport.textHint')}
          </p>
          <textarea
            id={`${id}-text`}
            name="text"
            required
            rows={7}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={`${id}-text-hint ${id}-text-count`}
            aria-invalid={textTooLong || undefined}
          />
          <p id={`${id}-text-count`} className={textTooLong ? 'field-error' : 'hint'}>
            {t('publicReport.count', { count: text.length, max: TEXT_MAX })}
          </p>
        </div>

        <div className="field">
          <div className="label-row">
            <label htmlFor={`${id}-place`}>{t('publicReport.place')}</label>
            <span className="tag">{t('publicReport.optional')}</span>
          </div>
          <input
            id={`${id}-place`}
            name="place"
            autoComplete="off"
            maxLength={PLACE_MAX}
            value={place}
            onChange={(e) => setPlace(e.target.value)}
            aria-describedby={`${id}-place-hint`}
          />
          <p id={`${id}-place-hint`} className="hint">
            {t('publicReport.placeHint')}
          </p>
        </div>

        <div className="field">
          <div className="label-row">
            <label htmlFor={`${id}-when`}>{t('publicReport.when')}</label>
            <span className="tag">{t('publicReport.optional')}</span>
          </div>
          <input
            id={`${id}-when`}
            name="when"
            autoComplete="off"
            maxLength={WHEN_MAX}
            value={when}
            onChange={(e) => setWhen(e.target.value)}
            aria-describedby={`${id}-when-hint`}
          />
          <p id={`${id}-when-hint`} className="hint">
            {t('publicReport.whenHint')}
          </p>
        </div>

        <HoneypotField id={`${id}-website`} value={website} onChange={setWebsite} />

        <button
          type="submit"
          className="button primary public-submit"
          disabled={busy}
        >
          {t('publicReport.submit')}
        </button>
        <SubmitProgress phase={submit.phase} />
      </form>
    </>
  );
}
