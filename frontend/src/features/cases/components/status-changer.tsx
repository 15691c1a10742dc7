import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeStatus } from '../api/change-status';
import { useDecisions } from '../api/get-decisions';
import {
  closureReasons,
  JUUSOU_BODIES,
  TRANSITIONS,
  type CaseStatus,
  type ClosureReason,
} from '../api/types';
import { ProblemAlert } from './problem-alert';
import type { SectionProps } from './section-props';

/** The moves the case's status allows, as buttons; closing asks for a reason (and a decision). */
export function StatusChanger({ caseId, kase, etag, reload }: SectionProps) {
  const { t } = useTranslation();
  const change = useChangeStatus(caseId);
  const [closing, setClosing] = useState(false);
  const targets = TRANSITIONS[kase.status];

  function move(to: CaseStatus) {
    if (to === 'closed') {
      change.reset();
      setClosing(true);
      return;
    }
    change.mutate({ etag, body: { to } });
  }

  const label = (to: CaseStatus) =>
    kase.status === 'closed'
      ? t('cases.transition.reopen', { status: t(`cases.status.${to}`) })
      : to === 'closed'
        ? t('cases.transition.close')
        : t('cases.transition.to', { status: t(`cases.status.${to}`) });

  return (
    <div className="cases-status-changer no-print">
      <h3 id="cases-status-moves">{t('cases.transition.title')}</h3>
      {!closing && (
        <ProblemAlert
          error={change.error}
          onReload={() => {
            change.reset();
            reload();
          }}
          failed={t('cases.transition.failed')}
        />
      )}
      <div className="actions" role="group" aria-labelledby="cases-status-moves">
        {targets.map((to) => (
          <button
            key={to}
            type="button"
            className={to === 'closed' ? 'button cases-danger' : 'button'}
            disabled={change.isPending}
            onClick={() => move(to)}
          >
            {label(to)}
          </button>
        ))}
      </div>
      {closing && (
        <ClosureForm
          caseId={caseId}
          juusou={JUUSOU_BODIES.includes(kase.effective_body)}
          pending={change.isPending}
          error={change.error}
          onReload={() => {
            change.reset();
            setClosing(false);
            reload();
          }}
          onCancel={() => setClosing(false)}
          onSubmit={(body) =>
            change.mutate(
              { etag, body: { to: 'closed', ...body } },
              { onSuccess: () => setClosing(false) },
            )
          }
        />
      )}
    </div>
  );
}

type ClosureBody = { closure_reason: ClosureReason; reason: string | null; decision_id: string | null };

function ClosureForm({
  caseId,
  juusou,
  pending,
  error,
  onReload,
  onCancel,
  onSubmit,
}: {
  caseId: string;
  juusou: boolean;
  pending: boolean;
  error: unknown;
  onReload: () => void;
  onCancel: () => void;
  onSubmit: (body: ClosureBody) => void;
}) {
  const { t } = useTranslation();
  const [closureReason, setClosureReason] = useState<ClosureReason | ''>('');
  const [reason, setReason] = useState('');
  const [decision, setDecision] = useState('');
  const decisions = useDecisions(caseId, juusou);
  const closures = decisions.data?.filter((d) => d.type === 'closure') ?? [];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!closureReason) return;
    onSubmit({
      closure_reason: closureReason,
      reason: reason.trim() || null,
      decision_id: juusou ? decision.trim() || null : null,
    });
  }

  return (
    <form className="form cases-form cases-closure" onSubmit={handleSubmit} aria-labelledby="cases-closure-title">
      <h4 id="cases-closure-title">{t('cases.transition.closeTitle')}</h4>
      <ProblemAlert error={error} onReload={onReload} failed={t('cases.transition.failed')} />
      <div className="field">
        <div className="label-row">
          <label htmlFor="cases-closure-reason">{t('cases.transition.closureReason')}</label>
          <span className="tag required">{t('cases.required')}</span>
        </div>
        <select
          id="cases-closure-reason"
          required
          value={closureReason}
          onChange={(e) => setClosureReason(e.target.value as ClosureReason)}
        >
          <option value="">{t('cases.choose')}</option>
          {closureReasons.map((r) => (
            <option key={r} value={r}>
              {t(`cases.closure.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <div className="label-row">
          <label htmlFor="cases-closure-detail">{t('cases.transition.closureDetail')}</label>
          {closureReason === 'other' && <span className="tag required">{t('cases.required')}</span>}
        </div>
        <textarea
          id="cases-closure-detail"
          rows={3}
          maxLength={2000}
          required={closureReason === 'other'}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      {juusou && (
        <div className="field">
          <div className="label-row">
            <label htmlFor="cases-closure-decision">{t('cases.transition.decision')}</label>
            <span className="tag required">{t('cases.required')}</span>
          </div>
          {closures.length > 0 ? (
            <select
              id="cases-closure-decision"
              required
              value={decision}
              aria-describedby="cases-closure-decision-hint"
              onChange={(e) => setDecision(e.target.value)}
            >
              <option value="">{t('cases.choose')}</option>
              {closures.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.type_label}：{d.text.slice(0, 60)}
                </option>
              ))}
            </select>
          ) : (
            <input
              id="cases-closure-decision"
              required
              autoComplete="off"
              pattern="[0-9a-fA-F-]{36}"
              value={decision}
              aria-describedby="cases-closure-decision-hint"
              onChange={(e) => setDecision(e.target.value)}
            />
          )}
          <p id="cases-closure-decision-hint" className="hint">
            {closures.length > 0
              ? t('cases.transition.decisionHint')
              : t('cases.transition.decisionIdHint')}
          </p>
        </div>
      )}
      <div className="actions">
        <button type="submit" className="button primary" disabled={pending}>
          {t('cases.transition.closeSubmit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('cases.cancel')}
        </button>
      </div>
    </form>
  );
}
