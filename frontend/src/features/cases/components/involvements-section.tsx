import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '@/shared/ui/date-fields';
import { useInlineValidation } from '@/shared/ui/form-validation';
import { useAgencyChoices } from '../api/get-agencies';
import { useAddInvolvement, useEndInvolvement, useInvolvements } from '../api/involvements';
import { formatDate, todayInTokyo } from '../utils/dates';
import { CaseSection } from './case-section';
import { ProblemAlert, SectionError } from './problem-alert';
import type { SectionProps } from './section-props';

/** 関係機関と役割分担: who is involved and what each does; a role ends, it is never deleted. */
export function InvolvementsSection({ caseId, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const involvements = useInvolvements(caseId);
  const end = useEndInvolvement(caseId);
  const [adding, setAdding] = useState(false);

  return (
    <CaseSection
      id="cases-agencies"
      title={t('cases.sections.agencies')}
      actions={
        !adding &&
        !readOnly && (
          <button type="button" className="button no-print" onClick={() => setAdding(true)}>
            {t('cases.agencies.add')}
          </button>
        )
      }
    >
      {adding && <InvolvementForm caseId={caseId} onDone={() => setAdding(false)} />}
      <ProblemAlert
        error={end.error}
        onReload={() => {
          end.reset();
          void involvements.refetch();
        }}
        failed={t('cases.agencies.endFailed')}
      />
      {involvements.isPending && <p className="muted">{t('app.loading')}</p>}
      {involvements.isError && (
        <SectionError error={involvements.error} failed={t('cases.agencies.loadError')} />
      )}
      {involvements.data?.length === 0 && <p className="muted">{t('cases.agencies.empty')}</p>}
      {involvements.data && involvements.data.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('cases.agencies.agency')}</th>
                <th scope="col">{t('cases.agencies.role')}</th>
                <th scope="col">{t('cases.agencies.contact')}</th>
                <th scope="col">{t('cases.agencies.period')}</th>
                <th scope="col" className="no-print">
                  <span className="visually-hidden">{t('cases.plan.operations')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {involvements.data.map((i) => (
                <tr key={i.id} className={i.until ? 'cases-ended' : undefined}>
                  <td>
                    {i.agency_name}
                    <span className="wareki">{t(`cases.agencyKind.${i.agency_kind}`)}</span>
                  </td>
                  <td className="cases-record-text">{i.role}</td>
                  <td>{i.contact_person ?? '—'}</td>
                  <td className="nowrap">
                    {formatDate(i.since)}〜{i.until ? formatDate(i.until) : ''}
                    {i.until && <span className="tag">{t('cases.agencies.ended')}</span>}
                  </td>
                  <td className="no-print">
                    {!i.until && !readOnly && (
                      <button
                        type="button"
                        className="button"
                        aria-label={`${t('cases.agencies.end')}：${i.agency_name}`}
                        disabled={end.isPending}
                        onClick={() => end.mutate({ involvement: i, until: todayInTokyo() })}
                      >
                        {t('cases.agencies.end')}
                      </button>
                    )}
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

function InvolvementForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const agencies = useAgencyChoices();
  const [agencyId, setAgencyId] = useState('');
  const [role, setRole] = useState('');
  const [contact, setContact] = useState('');
  const [since, setSince] = useState(todayInTokyo);
  const add = useAddInvolvement(caseId, { onSuccess: onDone });
  const chosen = agencies.data?.find((a) => a.id === agencyId);
  const v = useInlineValidation();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!v.validate()) return;
    add.mutate({
      agency_id: agencyId,
      role: role.trim(),
      contact_person: contact.trim() || null,
      since: since || null,
    });
  }

  return (
    <form
      ref={v.formRef}
      className="form cases-form no-print"
      onSubmit={handleSubmit}
      aria-label={t('cases.agencies.formTitle')}
      noValidate
    >
      <ProblemAlert error={add.error} failed={t('cases.agencies.addFailed')} />
      {v.summary}
      <div className="field">
        <label htmlFor="cases-inv-agency">{t('cases.agencies.agency')}</label>
        <select
          id="cases-inv-agency"
          required
          value={agencyId}
          onChange={(e) => setAgencyId(e.target.value)}
          {...v.aria('cases-inv-agency', chosen ? 'cases-inv-cando' : undefined)}
        >
          <option value="">{t('cases.choose')}</option>
          {agencies.data?.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        {chosen && (
          <p id="cases-inv-cando" className="hint">
            {t('cases.agencies.canDo')}：{chosen.can_do}
          </p>
        )}
        {v.errorText('cases-inv-agency')}
      </div>
      <div className="field">
        <label htmlFor="cases-inv-role">{t('cases.agencies.role')}</label>
        <textarea
          id="cases-inv-role"
          required
          rows={2}
          maxLength={2000}
          value={role}
          onChange={(e) => setRole(e.target.value)}
          {...v.aria('cases-inv-role')}
        />
        {v.errorText('cases-inv-role')}
      </div>
      <div className="cases-row">
        <div className="field">
          <label htmlFor="cases-inv-contact">{t('cases.agencies.contact')}</label>
          <input
            id="cases-inv-contact"
            maxLength={200}
            value={contact}
            onChange={(e) => setContact(e.target.value)}
          />
        </div>
        <div className="field">
          <label id="cases-inv-since-label" htmlFor="cases-inv-since">
            {t('cases.agencies.since')}
          </label>
          <DateField
            id="cases-inv-since"
            clearable
            value={since}
            onChange={setSince}
            error={v.message('cases-inv-since')}
          />
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={add.isPending}>
          {t('cases.agencies.submit')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('cases.cancel')}
        </button>
      </div>
    </form>
  );
}
