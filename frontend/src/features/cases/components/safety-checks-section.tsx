import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeInputToIso, formatDateTime, nowForDateTimeInput } from '@/shared/utils/datetime';
import { DateTimeField } from '@/shared/ui/date-fields';
import { useInlineValidation } from '@/shared/ui/form-validation';
import { useCaseSafetyChecks, useRecordOutcome } from '../api/safety-checks';
import { safetyOutcomes, type SafetyCheck, type SafetyOutcome } from '../api/types';
import { CaseSection } from './case-section';
import { ProblemAlert, SectionError } from './problem-alert';
import type { SectionProps } from './section-props';

/** 安否確認: this case's checks; an open one is closed by recording its outcome. */
export function SafetyChecksSection({ caseId, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const checks = useCaseSafetyChecks(caseId);
  const [recording, setRecording] = useState<string | null>(null);

  return (
    <CaseSection id="cases-safety" title={t('cases.sections.safety')}>
      {checks.isPending && <p className="muted">{t('app.loading')}</p>}
      {checks.isError && <SectionError error={checks.error} failed={t('cases.safety.loadError')} />}
      {checks.data?.length === 0 && <p className="muted">{t('cases.safety.empty')}</p>}
      {checks.data && checks.data.length > 0 && (
        <ul className="cases-checks-list">
          {checks.data.map((c) => (
            <li key={c.id} className={c.overdue ? 'cases-check-item cases-overdue-item' : 'cases-check-item'}>
              <p className="cases-record-head">
                {c.overdue && <span className="badge cases-overdue-badge">{t('cases.overdue')}</span>}
                <span className="badge cases-kind">{t(`cases.safety.status.${c.status}`)}</span>
                <span>
                  {t('cases.safety.due')}：<time dateTime={c.due_at}>{formatDateTime(c.due_at)}</time>
                </span>
                {c.assigned_to && <span className="muted">{t('cases.safety.assigned', { user: c.assigned_to })}</span>}
              </p>
              <p className="cases-record-text">{c.reason}</p>
              {c.status === 'done' && c.outcome && (
                <p>
                  {t('cases.safety.outcome')}：{t(`cases.safetyOutcome.${c.outcome}`)}
                  {c.outcome_note && `（${c.outcome_note}）`}
                  {c.checked_at && <span className="muted"> {formatDateTime(c.checked_at)}</span>}
                </p>
              )}
              {c.status === 'open' &&
                !readOnly &&
                (recording === c.id ? (
                  <OutcomeForm
                    caseId={caseId}
                    check={c}
                    onDone={() => setRecording(null)}
                    onReload={() => {
                      setRecording(null);
                      void checks.refetch();
                    }}
                  />
                ) : (
                  <button type="button" className="button no-print" onClick={() => setRecording(c.id)}>
                    {t('cases.safety.record')}
                  </button>
                ))}
            </li>
          ))}
        </ul>
      )}
    </CaseSection>
  );
}

type OutcomeFormProps = { caseId: string; check: SafetyCheck; onDone: () => void; onReload: () => void };

function OutcomeForm({ caseId, check, onDone, onReload }: OutcomeFormProps) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<SafetyOutcome | ''>('');
  const [note, setNote] = useState('');
  const [checkedAt, setCheckedAt] = useState(nowForDateTimeInput);
  const [minutes, setMinutes] = useState('15');
  const record = useRecordOutcome(caseId, { onSuccess: onDone });
  const base = `cases-outcome-${check.id}`;
  const v = useInlineValidation();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!v.validate() || !outcome) return;
    record.mutate({
      check,
      body: {
        outcome,
        outcome_note: note.trim() || null,
        checked_at: dateTimeInputToIso(checkedAt),
        minutes_spent: Number(minutes),
      },
    });
  }

  return (
    <form
      ref={v.formRef}
      className="form cases-form no-print"
      onSubmit={handleSubmit}
      aria-label={t('cases.safety.record')}
      noValidate
    >
      <ProblemAlert error={record.error} onReload={onReload} failed={t('cases.safety.failed')} />
      {v.summary}
      <div className="cases-row">
        <div className="field">
          <label htmlFor={`${base}-outcome`}>{t('cases.safety.outcome')}</label>
          <select
            id={`${base}-outcome`}
            required
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as SafetyOutcome)}
            {...v.aria(`${base}-outcome`)}
          >
            <option value="">{t('cases.choose')}</option>
            {safetyOutcomes.map((o) => (
              <option key={o} value={o}>
                {t(`cases.safetyOutcome.${o}`)}
              </option>
            ))}
          </select>
          {v.errorText(`${base}-outcome`)}
        </div>
        <div className="field">
          <label id={`${base}-at-label`} htmlFor={`${base}-at`}>
            {t('cases.safety.checkedAt')}
          </label>
          <DateTimeField
            id={`${base}-at`}
            required
            value={checkedAt}
            onChange={setCheckedAt}
            error={v.message(`${base}-at`)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${base}-minutes`}>{t('cases.records.minutes')}</label>
          <input
            id={`${base}-minutes`}
            type="number"
            min={0}
            max={1440}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            {...v.aria(`${base}-minutes`)}
          />
          {v.errorText(`${base}-minutes`)}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${base}-note`}>{t('cases.safety.note')}</label>
        <textarea
          id={`${base}-note`}
          rows={2}
          maxLength={4000}
          required={outcome === 'other'}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          {...v.aria(`${base}-note`)}
        />
        {v.errorText(`${base}-note`)}
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={record.isPending}>
          {t('cases.safety.submit')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('cases.cancel')}
        </button>
      </div>
    </form>
  );
}
