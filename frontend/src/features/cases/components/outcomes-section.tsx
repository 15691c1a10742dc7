import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '@/shared/ui/date-fields';
import { StaffName } from '@/shared/users/staff-name';
import {
  outcomeKinds,
  useOutcomes,
  useRecordCaseOutcome,
  useWithdrawOutcome,
  type CaseOutcome,
  type CaseOutcomeKind,
} from '../api/outcomes';
import { formatDate, todayInTokyo } from '../utils/dates';
import { CaseSection } from './case-section';
import { ProblemAlert, SectionError } from './problem-alert';
import type { SectionProps } from './section-props';

/** 就労・増収・参加支援: dated outcomes, counted in that month's 支援状況調査; withdrawn, never edited. */
export function OutcomesSection(props: SectionProps) {
  const { t } = useTranslation();
  const { caseId, readOnly } = props;
  const outcomes = useOutcomes(caseId);
  const [adding, setAdding] = useState(false);

  return (
    <CaseSection
      id="cases-outcomes"
      title={t('cases.sections.outcomes')}
      actions={
        !adding &&
        !readOnly && (
          <button type="button" className="button no-print" onClick={() => setAdding(true)}>
            {t('cases.outcomes.add')}
          </button>
        )
      }
    >
      <p className="muted">{t('cases.outcomes.hint')}</p>
      {adding && <OutcomeForm caseId={caseId} onDone={() => setAdding(false)} />}
      {outcomes.isPending && <p className="muted">{t('app.loading')}</p>}
      {outcomes.isError && <SectionError error={outcomes.error} failed={t('cases.outcomes.loadError')} />}
      {outcomes.data?.length === 0 && <p className="muted">{t('cases.outcomes.empty')}</p>}
      {outcomes.data && outcomes.data.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('cases.outcomes.date')}</th>
                <th scope="col">{t('cases.outcomes.kind')}</th>
                <th scope="col">{t('cases.outcomes.detail')}</th>
                <th scope="col">{t('cases.outcomes.recordedBy')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('cases.outcomes.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {outcomes.data.map((o) => (
                <OutcomeRow key={o.id} caseId={caseId} outcome={o} readOnly={readOnly} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </CaseSection>
  );
}

function OutcomeRow({ caseId, outcome, readOnly }: { caseId: string; outcome: CaseOutcome; readOnly: boolean }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawOutcome(caseId);
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const gone = outcome.withdrawn_at !== null;
  return (
    <tr className={gone ? 'muted' : undefined}>
      <td>{formatDate(outcome.occurred_on)}</td>
      <td>
        {t(`cases.outcomes.kinds.${outcome.kind}`)}
        {gone && <> {t('cases.outcomes.withdrawnMark')}</>}
      </td>
      <td>
        {outcome.detail ?? '—'}
        {gone && outcome.withdrawn_reason && (
          <div className="muted">{t('cases.outcomes.withdrawnReason', { reason: outcome.withdrawn_reason })}</div>
        )}
      </td>
      <td>
        <StaffName username={outcome.recorded_by} />
      </td>
      <td className="no-print">
        {!gone && !readOnly && !asking && (
          <button type="button" className="button" onClick={() => setAsking(true)}>
            {t('cases.outcomes.withdraw')}
          </button>
        )}
        {asking && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (reason.trim()) withdraw.mutate({ outcomeId: outcome.id, reason: reason.trim() });
            }}
          >
            <label htmlFor={`withdraw-${outcome.id}`}>{t('cases.outcomes.reason')}</label>
            <input
              id={`withdraw-${outcome.id}`}
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
            />
            <button type="submit" className="button" disabled={!reason.trim() || withdraw.isPending}>
              {t('cases.outcomes.confirmWithdraw')}
            </button>
            {withdraw.isError && <ProblemAlert error={withdraw.error} failed={t('cases.outcomes.withdrawError')} />}
          </form>
        )}
      </td>
    </tr>
  );
}

function OutcomeForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordCaseOutcome(caseId, { onSuccess: onDone });
  const [kind, setKind] = useState<CaseOutcomeKind>('employment');
  const [occurredOn, setOccurredOn] = useState(todayInTokyo());
  const [detail, setDetail] = useState('');
  const [missingDate, setMissingDate] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!occurredOn) {
      setMissingDate(true);
      return;
    }
    record.mutate({ kind, occurred_on: occurredOn, detail: detail.trim() || null });
  };

  return (
    <form className="form cases-form no-print" noValidate onSubmit={submit} aria-label={t('cases.outcomes.add')}>
      <div className="field">
        <label htmlFor="outcome-kind">{t('cases.outcomes.kind')}</label>
        <select id="outcome-kind" value={kind} onChange={(e) => setKind(e.target.value as CaseOutcomeKind)}>
          {outcomeKinds.map((k) => (
            <option key={k} value={k}>
              {t(`cases.outcomes.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <span id="outcome-date-label" className="label">
          {t('cases.outcomes.date')}
        </span>
        <DateField
          id="outcome-date"
          labelId="outcome-date-label"
          value={occurredOn}
          onChange={(value) => {
            setOccurredOn(value);
            setMissingDate(false);
          }}
          max={todayInTokyo()}
          required
          error={missingDate ? t('cases.outcomes.dateRequired') : null}
        />
      </div>
      <div className="field">
        <label htmlFor="outcome-detail">{t('cases.outcomes.detail')}</label>
        <input
          id="outcome-detail"
          value={detail}
          maxLength={200}
          placeholder={t('cases.outcomes.detailPlaceholder')}
          onChange={(e) => setDetail(e.target.value)}
        />
      </div>
      {record.isError && <ProblemAlert error={record.error} failed={t('cases.outcomes.saveError')} />}
      <div className="actions">
        <button type="submit" className="button primary" disabled={record.isPending}>
          {t('cases.outcomes.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('cases.outcomes.cancel')}
        </button>
      </div>
    </form>
  );
}
