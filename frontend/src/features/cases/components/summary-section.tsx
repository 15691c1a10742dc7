import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DESK_STAFF_ROLES } from '@/shared/users/search';
import { StaffName } from '@/shared/users/staff-name';
import { StaffPicker } from '@/shared/users/staff-picker';
import { formatDateTime, formatWareki } from '@/shared/utils/datetime';
import { useAreas } from '../api/get-areas';
import { useUpdateCase } from '../api/update-case';
import {
  existingSystems,
  riskFlags,
  type ExistingSystem,
  type RiskFlag,
} from '../api/types';
import { BodyName, ConsentBadge, RiskBadges, StatusBadge } from './case-badges';
import { CaseSection } from './case-section';
import { ProblemAlert } from './problem-alert';
import type { SectionProps } from './section-props';
import { StatusChanger } from './status-changer';

/** 概要: status and its moves, lead, risk flags and the facts the recommendation reads. */
export function SummarySection(props: SectionProps) {
  const { t } = useTranslation();
  const { kase, readOnly } = props;
  const areas = useAreas();
  const [editing, setEditing] = useState(false);
  const areaName = areas.data?.find((a) => a.code === kase.area)?.name ?? kase.area;

  return (
    <CaseSection
      id="cases-summary"
      title={t('cases.sections.summary')}
      actions={
        !editing &&
        !readOnly && (
          <button type="button" className="button no-print" onClick={() => setEditing(true)}>
            {t('cases.summary.edit')}
          </button>
        )
      }
    >
      {editing ? (
        <SummaryForm {...props} onDone={() => setEditing(false)} />
      ) : (
        <dl className="cases-dl">
          <dt>{t('cases.fields.status')}</dt>
          <dd>
            <StatusBadge status={kase.status} />
          </dd>
          <dt>{t('cases.fields.area')}</dt>
          <dd>{areaName}</dd>
          <dt>{t('cases.fields.lead')}</dt>
          <dd>
            {kase.lead_username ? (
              <StaffName username={kase.lead_username} />
            ) : (
              <span className="muted">{t('cases.none')}</span>
            )}
          </dd>
          <dt>{t('cases.fields.openedAt')}</dt>
          <dd>
            <time dateTime={kase.opened_at}>{formatDateTime(kase.opened_at)}</time>{' '}
            <span className="muted">（{formatWareki(kase.opened_at)}）</span>
          </dd>
          <dt>{t('cases.fields.consent')}</dt>
          <dd>
            <ConsentBadge status={kase.consent_status} />
          </dd>
          <dt>{t('cases.fields.risk')}</dt>
          <dd>
            <RiskBadges flags={kase.risk_flags} />
          </dd>
          <dt>{t('cases.fields.existingSystem')}</dt>
          <dd>{t(`cases.system.${kase.existing_system}`)}</dd>
          <dt>{t('cases.fields.betweenSystems')}</dt>
          <dd>{kase.between_systems ? t('cases.yes') : t('cases.no')}</dd>
          <dt>{t('cases.fields.difficult')}</dt>
          <dd>{kase.difficult ? t('cases.yes') : t('cases.no')}</dd>
          <dt>{t('cases.fields.body')}</dt>
          <dd>
            <BodyName body={kase.effective_body} />
          </dd>
          {kase.status === 'closed' && (
            <>
              <dt>{t('cases.fields.closure')}</dt>
              <dd>
                {kase.closure_reason && t(`cases.closure.${kase.closure_reason}`)}
                {kase.closure_detail && `（${kase.closure_detail}）`}
                {kase.closed_at && (
                  <span className="muted"> {formatDateTime(kase.closed_at)}</span>
                )}
              </dd>
            </>
          )}
        </dl>
      )}
      {!readOnly && <StatusChanger {...props} />}
    </CaseSection>
  );
}

function SummaryForm({ caseId, kase, etag, reload, onDone }: SectionProps & { onDone: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(kase.title);
  const [lead, setLead] = useState(kase.lead_username ?? '');
  const [flags, setFlags] = useState<RiskFlag[]>(kase.risk_flags);
  const [system, setSystem] = useState<ExistingSystem>(kase.existing_system);
  const [between, setBetween] = useState(kase.between_systems);
  const [difficult, setDifficult] = useState(kase.difficult);
  const update = useUpdateCase(caseId);

  function toggle(flag: RiskFlag, on: boolean) {
    setFlags((current) => (on ? [...current, flag] : current.filter((f) => f !== flag)));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate(
      {
        etag,
        body: {
          title: title.trim(),
          lead_username: lead.trim() || null,
          risk_flags: riskFlags.filter((f) => flags.includes(f)),
          existing_system: system,
          between_systems: between,
          difficult,
        },
      },
      { onSuccess: onDone },
    );
  }

  return (
    <form className="form cases-form" onSubmit={handleSubmit}>
      <ProblemAlert
        error={update.error}
        onReload={() => {
          update.reset();
          onDone();
          reload();
        }}
        failed={t('cases.summary.failed')}
      />
      <div className="field">
        <label htmlFor="cases-summary-title">{t('cases.fields.title')}</label>
        <input
          id="cases-summary-title"
          required
          maxLength={400}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div className="field">
        <StaffPicker
          id="cases-summary-lead"
          label={t('cases.fields.lead')}
          value={lead}
          onChange={setLead}
          roles={DESK_STAFF_ROLES}
          hint={t('staffPicker.leadHint')}
        />
      </div>
      <fieldset className="cases-checks">
        <legend>{t('cases.fields.risk')}</legend>
        {riskFlags.map((flag) => (
          <label key={flag} className="cases-check">
            <input
              type="checkbox"
              checked={flags.includes(flag)}
              onChange={(e) => toggle(flag, e.target.checked)}
            />
            {t(`cases.risk.${flag}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="cases-checks">
        <legend>{t('cases.summary.facts')}</legend>
        <p className="hint">{t('cases.summary.factsHint')}</p>
        <div className="field">
          <label htmlFor="cases-summary-system">{t('cases.fields.existingSystem')}</label>
          <select
            id="cases-summary-system"
            value={system}
            onChange={(e) => setSystem(e.target.value as ExistingSystem)}
          >
            {existingSystems.map((s) => (
              <option key={s} value={s}>
                {t(`cases.system.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="cases-check">
          <input type="checkbox" checked={between} onChange={(e) => setBetween(e.target.checked)} />
          {t('cases.fields.betweenSystems')}
        </label>
        <label className="cases-check">
          <input
            type="checkbox"
            checked={difficult}
            onChange={(e) => setDifficult(e.target.checked)}
          />
          {t('cases.fields.difficult')}
        </label>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button primary" disabled={update.isPending}>
          {t('cases.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('cases.cancel')}
        </button>
      </div>
    </form>
  );
}
