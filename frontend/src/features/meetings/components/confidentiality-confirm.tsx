import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmConfidentiality } from '../api/confirm-confidentiality';
import { ProblemAlert } from './problem-alert';

type Props = {
  bodyId: string;
  /** Called once the confirmation is recorded: retry what the 403 refused. */
  onConfirmed: () => void;
  onCancel?: () => void;
};

/**
 * The statutory duty of confidentiality of a 支援会議 (社会福祉法第106条の6), confirmed once
 * by each member before anything of its meetings is shown.
 */
export function ConfidentialityConfirm({ bodyId, onConfirmed, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const confirm = useConfirmConfidentiality({ onSuccess: onConfirmed });
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="card meetings-duty" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('meetings.duty.title')}
      </h2>
      <p>{t('meetings.duty.lead')}</p>
      <blockquote className="meetings-duty-quote" cite="https://elaws.e-gov.go.jp/document?lawid=326AC0000000045">
        <p className="meetings-duty-law">{t('meetings.duty.law')}</p>
        <p>{t('meetings.duty.quote')}</p>
      </blockquote>
      <ul>
        <li>{t('meetings.duty.point1')}</li>
        <li>{t('meetings.duty.point2')}</li>
        <li>{t('meetings.duty.point3')}</li>
      </ul>
      <ProblemAlert error={confirm.error} failed={t('meetings.duty.failed')} />
      <div className="actions">
        <button
          type="button"
          className="button primary"
          disabled={confirm.isPending || !bodyId}
          onClick={() => confirm.mutate(bodyId)}
        >
          {t('meetings.duty.confirm')}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('meetings.duty.cancel')}
          </button>
        )}
      </div>
    </section>
  );
}
