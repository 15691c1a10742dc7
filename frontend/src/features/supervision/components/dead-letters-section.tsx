import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '@/shared/ui/problem-alert';
import { formatDateTime } from '@/shared/utils/datetime';
import { useStaffNames } from '@/shared/users/names';
import type { Attention } from '../api/get-attention';
import { type DeadLetter, useResolveDeadLetter, useRetryDeadLetter } from '../api/dead-letters';

const KINDS = ['safety_check_request', 'case_from_triage', 'decision_actions', 'decision_record'] as const;

function isKind(value: string): value is (typeof KINDS)[number] {
  return KINDS.includes(value as (typeof KINDS)[number]);
}

/** 届かなかった連携: deliveries between services that the receiver refused, each waiting for a person. */
export function DeadLettersSection({ list }: { list: Attention['dead_letters'] }) {
  const { t } = useTranslation();
  return (
    <section className="card supervision-card supervision-wide" aria-labelledby="supervision-dead-letters">
      <h2 id="supervision-dead-letters">
        {t('supervision.deadLetters.title')}
        <span className={list.total > 0 ? 'supervision-count supervision-late' : 'supervision-count'}>
          {t('supervision.count', { count: list.total })}
        </span>
      </h2>
      <p className="muted">{t('supervision.deadLetters.help')}</p>
      {list.unavailable.length > 0 && (
        <p role="alert" className="alert">
          {t('supervision.deadLetters.unavailable', { services: list.unavailable.join('、') })}
        </p>
      )}
      {list.items.length === 0 ? (
        <p className="muted">{t('supervision.deadLetters.empty')}</p>
      ) : (
        <ul className="supervision-list">
          {list.items.map((item) => (
            <DeadLetterItem key={`${item.service}-${item.id}`} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DeadLetterItem({ item }: { item: DeadLetter }) {
  const { t } = useTranslation();
  const staffName = useStaffNames([item.retried_by]);
  const retry = useRetryDeadLetter();
  const resolve = useResolveDeadLetter();
  const [resolving, setResolving] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const reasonId = useId();
  const what = isKind(item.kind) ? t(`supervision.deadLetters.kinds.${item.kind}`) : t('supervision.deadLetters.kinds.other');
  const waiting = item.failed_at === null;
  const messages = {
    stale: t('supervision.deadLetters.failed'),
    reload: t('supervision.deadLetters.reload'),
    failed: t('supervision.deadLetters.failed'),
    invalid: t('supervision.deadLetters.failed'),
    forbidden: t('supervision.forbidden'),
    network: t('supervision.loadError'),
  };

  return (
    <li className="supervision-dead-letter">
      <div>
        <strong>{what}</strong>
        {item.link && (
          <Link to={item.link} className="supervision-meta">
            {t('supervision.deadLetters.source')}
          </Link>
        )}
      </div>
      <div className="supervision-meta">
        {waiting
          ? t('supervision.deadLetters.waiting', { by: staffName(item.retried_by) })
          : t('supervision.deadLetters.refused', {
              status: item.last_status ?? '—',
              fields:
                item.fields.length > 0
                  ? item.fields
                      .map((field) => t(`supervision.deadLetters.fieldNames.${field}`, { defaultValue: field }))
                      .join('、')
                  : t('supervision.deadLetters.noFields'),
            })}
        {item.failed_at && (
          <>
            {'　'}
            <time dateTime={item.failed_at}>{formatDateTime(item.failed_at)}</time>
          </>
        )}
        {'　'}
        {t('supervision.deadLetters.attempts', { count: item.attempts })}
      </div>
      {item.problem_title && <div className="supervision-meta">{item.problem_title}</div>}
      {!waiting && (
        <div className="supervision-actions">
          <button
            type="button"
            onClick={() => retry.mutate({ service: item.service, id: item.id })}
            disabled={retry.isPending}
          >
            {t('supervision.deadLetters.retry')}
          </button>
          <button type="button" onClick={() => setResolving((open) => !open)} aria-expanded={resolving}>
            {t('supervision.deadLetters.resolve')}
          </button>
        </div>
      )}
      {resolving && (
        <form
          noValidate
          className="supervision-resolve"
          onSubmit={(event) => {
            event.preventDefault();
            if (!reason.trim()) {
              setReasonMissing(true);
              return;
            }
            setReasonMissing(false);
            resolve.mutate({ service: item.service, id: item.id, reason: reason.trim() });
          }}
        >
          <label htmlFor={reasonId}>{t('supervision.deadLetters.reason')}</label>
          <textarea
            id={reasonId}
            value={reason}
            maxLength={500}
            rows={2}
            aria-invalid={reasonMissing}
            aria-describedby={reasonMissing ? `${reasonId}-error` : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
          {reasonMissing && (
            <p id={`${reasonId}-error`} className="field-error">
              {t('supervision.deadLetters.reasonRequired')}
            </p>
          )}
          <button type="submit" disabled={resolve.isPending}>
            {t('supervision.deadLetters.confirmResolve')}
          </button>
        </form>
      )}
      {retry.isError && <ProblemAlert error={retry.error} messages={messages} />}
      {resolve.isError && <ProblemAlert error={resolve.error} messages={messages} />}
    </li>
  );
}
