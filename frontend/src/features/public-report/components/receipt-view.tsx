import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '@/shared/utils/datetime';
import type { Receipt } from '../api/submit-report';

/** The receipt code, shown this once: large, copyable, with what it is for. */
export function ReceiptView({ receipt, onAnother }: { receipt: Receipt; onAnother: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const codeRef = useRef<HTMLParagraphElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  useEffect(() => headingRef.current?.focus(), []);

  async function copy() {
    const code = receipt.receipt_code;
    try {
      await navigator.clipboard.writeText(code);
      setCopied('yes');
    } catch {
      // No clipboard outside secure contexts: select the code so that the phone's own copy works.
      const range = document.createRange();
      if (codeRef.current) range.selectNodeContents(codeRef.current);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      setCopied('no');
    }
  }

  return (
    <section className="public-receipt" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`} tabIndex={-1} ref={headingRef}>
        {t('publicReport.receipt.title')}
      </h1>
      <p>{t('publicReport.receipt.thanks')}</p>
      <div className="receipt-box">
        <p className="receipt-label">
          {t('publicReport.receipt.codeLabel')}
        </p>
        <p className="receipt-code" ref={codeRef} translate="no">
          {receipt.receipt_code}
        </p>
        <button type="button" className="button primary" onClick={() => void copy()}>
          {t('publicReport.receipt.copy')}
        </button>
        <p role="status" className="receipt-copied">
          {copied === 'yes' && t('publicReport.receipt.copied')}
          {copied === 'no' && t('publicReport.receipt.copyManually')}
        </p>
      </div>
      <p className="receipt-notice">{t('publicReport.receipt.notice')}</p>
      <dl className="public-facts">
        <dt>{t('publicReport.receipt.receivedAt')}</dt>
        <dd>
          <time dateTime={receipt.received_at}>{formatDateTime(receipt.received_at)}</time>
        </dd>
      </dl>
      <p>
        <Link to="/report/status" state={{ code: receipt.receipt_code }} className="button">
          {t('publicReport.receipt.toStatus')}
        </Link>
      </p>
      <p>
        <button type="button" className="link-button" onClick={onAnother}>
          {t('publicReport.receipt.another')}
        </button>
      </p>
    </section>
  );
}
