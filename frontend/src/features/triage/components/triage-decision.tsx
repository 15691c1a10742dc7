import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '@/shared/utils/datetime';
import { StaffName } from '@/shared/users/staff-name';
import {
  useRecordReferralOutcome,
  useTriage,
  type ReferralOutcome,
  type TriageDecision,
} from '../api/triage';
import { problemLines } from '../utils/problem-text';

/** The triage decision, the new case's link once it exists, and the つなぎ outcome. */
export function TriageDecisionView({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const decision = useTriage(consultationId);
  if (decision.isPending) return <p>{t('app.loading')}</p>;
  if (decision.isError) {
    return (
      <p role="alert" className="alert">
        {t('triage.decision.loadError')}
      </p>
    );
  }
  const d = decision.data;
  return (
    <section className="card triage-section" aria-labelledby="triage-decision-title">
      <h2 id="triage-decision-title">{t('triage.decision.title')}</h2>
      <dl className="detail-list">
        <dt>{t('triage.decision.outcome')}</dt>
        <dd>
          <strong>{t(`triage.outcome.${d.outcome}`)}</strong>
        </dd>
        <dt>{t('triage.decision.decidedBy')}</dt>
        <dd>
          <StaffName username={d.decided_by} />・<time dateTime={d.decided_at}>{formatDateTime(d.decided_at)}</time>
        </dd>
        {d.note && (
          <>
            <dt>{t('triage.decision.note')}</dt>
            <dd className="detail-summary">{d.note}</dd>
          </>
        )}
        {d.outcome === 'referral' && (
          <>
            <dt>{t('triage.decision.agency')}</dt>
            <dd>{d.agency_name}</dd>
            <dt>{t('triage.decision.referralOutcome')}</dt>
            <dd>
              {t(`triage.referralOutcome.${d.referral_outcome ?? 'pending'}`)}
              {d.referral_outcome_note && `（${d.referral_outcome_note}）`}
            </dd>
          </>
        )}
      </dl>
      {(d.outcome === 'new_case' || d.outcome === 'link_case') && <CaseLink decision={d} />}
      {d.outcome === 'referral' && <ReferralOutcomeForm decision={d} />}
    </section>
  );
}

function CaseLink({ decision }: { decision: TriageDecision }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="triage-case-link">
      {decision.case_id ? (
        <Link className="button primary" to={`/cases/${decision.case_id}`}>
          {t('triage.decision.openCase')}
        </Link>
      ) : (
        <p className="triage-pending">
          <span className="triage-spinner" aria-hidden="true" />
          {t('triage.decision.creatingCase')}
        </p>
      )}
    </div>
  );
}

const referralOutcomeOrder: Record<ReferralOutcome, true> = {
  pending: true,
  connected: true,
  not_connected: true,
};
const referralOutcomes = Object.keys(referralOutcomeOrder) as ReferralOutcome[];

function ReferralOutcomeForm({ decision }: { decision: TriageDecision }) {
  const { t } = useTranslation();
  const id = useId();
  const [outcome, setOutcome] = useState<ReferralOutcome>(
    decision.referral_outcome === 'pending' || !decision.referral_outcome
      ? 'connected'
      : decision.referral_outcome,
  );
  const [note, setNote] = useState(decision.referral_outcome_note ?? '');
  const record = useRecordReferralOutcome(decision.consultation_id);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    record.mutate({ outcome, note: note.trim() || null });
  }

  return (
    <form
      className="triage-referral-outcome"
      onSubmit={handleSubmit}
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`}>{t('triage.decision.recordOutcome')}</h3>
      {record.error && (
        <div role="alert" className="alert">
          {problemLines(record.error, t).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-outcome`}>{t('triage.decision.referralOutcome')}</label>
        <select
          id={`${id}-outcome`}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as ReferralOutcome)}
        >
          {referralOutcomes.map((o) => (
            <option key={o} value={o}>
              {t(`triage.referralOutcome.${o}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('triage.decision.outcomeNote')}</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={4000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={record.isPending}>
          {t('triage.decision.saveOutcome')}
        </button>
        <span role="status" className="muted">
          {record.isSuccess && t('triage.decision.outcomeSaved')}
        </span>
      </div>
    </form>
  );
}
