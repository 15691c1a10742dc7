import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '@/shared/ui/date-fields';
import { useInlineValidation } from '@/shared/ui/form-validation';
import { StaffName } from '@/shared/users/staff-name';
import { useAgencyChoices } from '../api/get-agencies';
import { useConsents, useRecordConsent } from '../api/consents';
import { useInvolvements } from '../api/involvements';
import {
  consentMethods,
  consentParts,
  consentStatuses,
  type ConsentMethod,
  type ConsentPart,
  type ConsentStatus,
} from '../api/types';
import { formatDate, formatWarekiDate, todayInTokyo } from '../utils/dates';
import { ConsentBadge } from './case-badges';
import { CaseSection } from './case-section';
import { ProblemAlert, SectionError } from './problem-alert';
import type { SectionProps } from './section-props';

/** 本人同意: a history, not a checkbox; each entry has a date, a method and a scope. */
export function ConsentSection(props: SectionProps) {
  const { t } = useTranslation();
  const { caseId, readOnly } = props;
  const consents = useConsents(caseId);
  const agencies = useAgencyChoices();
  const [adding, setAdding] = useState(false);
  const agencyName = (id: string) => agencies.data?.find((a) => a.id === id)?.name ?? id;

  return (
    <CaseSection
      id="cases-consent"
      title={t('cases.sections.consent')}
      actions={
        !adding &&
        !readOnly && (
          <button type="button" className="button no-print" onClick={() => setAdding(true)}>
            {t('cases.consents.add')}
          </button>
        )
      }
    >
      {consents.data && (
        <p>
          {t('cases.consents.current')}：<ConsentBadge status={consents.data.current} />
        </p>
      )}
      {adding && <ConsentForm {...props} onDone={() => setAdding(false)} />}
      {consents.isPending && <p className="muted">{t('app.loading')}</p>}
      {consents.isError && <SectionError error={consents.error} failed={t('cases.consents.loadError')} />}
      {consents.data?.items.length === 0 && <p className="muted">{t('cases.consents.empty')}</p>}
      {consents.data && consents.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('cases.consents.date')}</th>
                <th scope="col">{t('cases.consents.status')}</th>
                <th scope="col">{t('cases.consents.method')}</th>
                <th scope="col">{t('cases.consents.scope')}</th>
                <th scope="col">{t('cases.consents.note')}</th>
                <th scope="col">{t('cases.consents.recordedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {consents.data.items.map((c) => (
                <tr key={c.id}>
                  <td className="nowrap">
                    {formatDate(c.recorded_at)}
                    <span className="wareki">{formatWarekiDate(c.recorded_at)}</span>
                  </td>
                  <td className="nowrap">
                    <ConsentBadge status={c.status} />
                  </td>
                  <td>{c.method ? t(`cases.consentMethod.${c.method}`) : '—'}</td>
                  <td>
                    {c.status === 'given' ? (
                      <>
                        {(c.scope.agencies ?? []).map(agencyName).join('、') || t('cases.none')}
                        <span className="wareki">
                          {(c.scope.parts ?? []).map((p) => t(`cases.consentPart.${p}`)).join('・')}
                        </span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{c.note}</td>
                  <td>
                    <StaffName username={c.recorded_by} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </CaseSection>
  );
}

function ConsentForm({ caseId, etag, reload, onDone }: SectionProps & { onDone: () => void }) {
  const { t } = useTranslation();
  const involvements = useInvolvements(caseId);
  const [status, setStatus] = useState<ConsentStatus>('given');
  const [date, setDate] = useState(todayInTokyo);
  const [method, setMethod] = useState<ConsentMethod | ''>('verbal');
  const [scopeAgencies, setScopeAgencies] = useState<string[]>([]);
  const [parts, setParts] = useState<ConsentPart[]>([]);
  const [note, setNote] = useState('');
  const record = useRecordConsent(caseId, { onSuccess: onDone });
  const current = (involvements.data ?? []).filter((i) => i.until === null);
  const needsMethod = status !== 'not_asked';
  const v = useInlineValidation();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!v.validate()) return;
    record.mutate({
      etag,
      body: {
        status,
        recorded_at: date,
        method: needsMethod && method ? method : null,
        scope:
          status === 'given'
            ? { agencies: scopeAgencies, parts: consentParts.filter((p) => parts.includes(p)) }
            : { agencies: [], parts: [] },
        note: note.trim() || null,
      },
    });
  }

  return (
    <form
      ref={v.formRef}
      className="form cases-form no-print"
      onSubmit={handleSubmit}
      aria-label={t('cases.consents.formTitle')}
      noValidate
    >
      <p className="hint">{t('cases.consents.hint')}</p>
      <ProblemAlert
        error={record.error}
        onReload={() => {
          record.reset();
          onDone();
          reload();
        }}
        failed={t('cases.consents.failed')}
      />
      {v.summary}
      <div className="cases-row">
        <div className="field">
          <label htmlFor="cases-consent-status">{t('cases.consents.status')}</label>
          <select
            id="cases-consent-status"
            value={status}
            onChange={(e) => setStatus(e.target.value as ConsentStatus)}
          >
            {consentStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`cases.consent.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label id="cases-consent-date-label" htmlFor="cases-consent-date">
            {t('cases.consents.date')}
          </label>
          <DateField
            id="cases-consent-date"
            required
            max={todayInTokyo()}
            value={date}
            onChange={setDate}
            error={v.message('cases-consent-date')}
          />
        </div>
        {needsMethod && (
          <div className="field">
            <label htmlFor="cases-consent-method">{t('cases.consents.method')}</label>
            <select
              id="cases-consent-method"
              required
              value={method}
              onChange={(e) => setMethod(e.target.value as ConsentMethod)}
              {...v.aria('cases-consent-method')}
            >
              <option value="">{t('cases.choose')}</option>
              {consentMethods.map((m) => (
                <option key={m} value={m}>
                  {t(`cases.consentMethod.${m}`)}
                </option>
              ))}
            </select>
            {v.errorText('cases-consent-method')}
          </div>
        )}
      </div>
      {status === 'given' && (
        <>
          <fieldset className="cases-checks">
            <legend>{t('cases.consents.scopeAgencies')}</legend>
            {current.length === 0 && <p className="hint">{t('cases.consents.noAgencies')}</p>}
            {current.map((i) => (
              <label key={i.id} className="cases-check">
                <input
                  type="checkbox"
                  checked={scopeAgencies.includes(i.agency_id)}
                  onChange={(e) =>
                    setScopeAgencies((list) =>
                      e.target.checked ? [...list, i.agency_id] : list.filter((a) => a !== i.agency_id),
                    )
                  }
                />
                {i.agency_name}
              </label>
            ))}
          </fieldset>
          <fieldset className="cases-checks">
            <legend>{t('cases.consents.scopeParts')}</legend>
            {consentParts.map((p) => (
              <label key={p} className="cases-check">
                <input
                  type="checkbox"
                  checked={parts.includes(p)}
                  onChange={(e) =>
                    setParts((list) => (e.target.checked ? [...list, p] : list.filter((x) => x !== p)))
                  }
                />
                {t(`cases.consentPart.${p}`)}
              </label>
            ))}
          </fieldset>
        </>
      )}
      <div className="field">
        <label htmlFor="cases-consent-note">{t('cases.consents.note')}</label>
        <textarea
          id="cases-consent-note"
          rows={2}
          maxLength={4000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={record.isPending}>
          {t('cases.consents.submit')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('cases.cancel')}
        </button>
      </div>
    </form>
  );
}
