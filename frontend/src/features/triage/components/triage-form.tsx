import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/shared/api/errors';
import { useCurrentUser } from '@/shared/auth/current-user';
import { useAgencies } from '../api/get-agencies';
import { useAreas } from '../api/get-areas';
import type { Candidate } from '../api/get-candidates';
import { useCasesById, useCaseSearch } from '../api/get-cases';
import type { QueueItem } from '../api/get-triage-queue';
import {
  newIdempotencyKey,
  useTriageConsultation,
  type NewMember,
  type TriageCreate,
  type TriageOutcome,
} from '../api/triage';
import { problemLines } from '../utils/problem-text';
import { emptyMember, NewCaseFields, type NewCaseDraft } from './new-case-fields';

const outcomeOrder: Record<TriageOutcome, true> = {
  info_closed: true,
  referral: true,
  welfare_office: true,
  link_case: true,
  new_case: true,
};
const outcomes = Object.keys(outcomeOrder) as TriageOutcome[];
const UNASSIGNED = 'unassigned';
// The server refuses these without an area; anonymous reports arrive with none.
const NEEDS_AREA: TriageOutcome[] = ['referral', 'link_case', 'new_case'];

function draftFrom(c: QueueItem, lead: string): NewCaseDraft {
  const first = emptyMember('self');
  first.name = c.person_name ?? '';
  first.kana = c.person_kana ?? '';
  first.birthDate = c.person_birth_date ?? '';
  first.sex = c.person_sex ?? '';
  first.address = c.person_address ?? '';
  first.phone = c.person_phone ?? '';
  return {
    title: c.person_name || c.person_kana ? `${c.person_name ?? c.person_kana}さん` : '',
    lead,
    householdName: '',
    members: [first],
    primaryKey: first.key,
  };
}

type Props = { consultation: QueueItem; candidates: Candidate[] };

/** 振り分け: end the consultation as information given, つなぎ, 生活保護窓口, an existing case or a new one. */
export function TriageForm({ consultation, candidates }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const me = useCurrentUser();
  const areas = useAreas();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const unassigned = consultation.area === UNASSIGNED;

  const [outcome, setOutcome] = useState<TriageOutcome | null>(null);
  const [note, setNote] = useState('');
  // A CSW may open cases in their own area only: that is the sensible default for them.
  const ownArea = me.data?.role === 'csw' ? (me.data.area ?? '') : '';
  const [area, setArea] = useState(unassigned ? ownArea : consultation.area);
  const [agencyId, setAgencyId] = useState('');
  const [caseId, setCaseId] = useState('');
  const [caseQuery, setCaseQuery] = useState('');
  const [submittedQuery, setSubmittedQuery] = useState('');
  const [draft, setDraft] = useState<NewCaseDraft>(() =>
    draftFrom(consultation, me.data?.username ?? ''),
  );
  // One key per attempt: pressing the button twice makes one decision. A definite refusal
  // (4xx) gets a new key, since the corrected form is another request.
  const [key, setKey] = useState(newIdempotencyKey);

  useEffect(() => {
    if (me.data && draft.lead === '') setDraft((d) => ({ ...d, lead: me.data.username }));
    if (me.data?.role === 'csw' && unassigned && area === '') setArea(me.data.area ?? '');
  }, [me.data, draft.lead, unassigned, area]);

  const agencyArea = area && area !== UNASSIGNED ? area : undefined;
  const agencies = useAgencies(agencyArea, outcome === 'referral');
  const candidateCaseIds = useMemo(
    () => [...new Set(candidates.flatMap((c) => c.cases))],
    [candidates],
  );
  const candidateCases = useCasesById(outcome === 'link_case' ? candidateCaseIds : []);
  const searched = useCaseSearch(outcome === 'link_case' ? submittedQuery : '');
  const triage = useTriageConsultation(consultation.id);

  useEffect(() => {
    if (triage.error) alertRef.current?.focus();
  }, [triage.error]);

  const showArea = outcome !== null && (unassigned || outcome === 'new_case');
  const areaRequired = outcome !== null && NEEDS_AREA.includes(outcome);
  const selectedAgency = agencies.data?.find((a) => a.id === agencyId);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!outcome) return;
    const body: TriageCreate = { outcome, note: note.trim() || null };
    if (showArea && area) body.area = area;
    if (outcome === 'referral') body.agency_id = agencyId;
    if (outcome === 'link_case') body.case_id = caseId;
    if (outcome === 'new_case') {
      body.new_case = {
        title: draft.title.trim(),
        lead_username: draft.lead.trim() || null,
        household_name: draft.householdName.trim() || null,
        members: draft.members.map(
          (m): NewMember =>
            m.mode === 'existing'
              ? {
                  person_id: m.personId,
                  relationship: m.relationship,
                  is_primary: draft.primaryKey === m.key,
                }
              : {
                  name: m.name.trim(),
                  name_kana: m.kana.trim() || null,
                  birth_date: m.birthDate || null,
                  sex: m.sex || null,
                  address: m.address.trim() || null,
                  phone: m.phone.trim() || null,
                  relationship: m.relationship,
                  is_primary: draft.primaryKey === m.key,
                },
        ),
      };
    }
    triage.mutate(
      { body, key },
      {
        onError: (error) => {
          if (error instanceof ApiError && error.status < 500) setKey(newIdempotencyKey());
        },
      },
    );
  }

  // Enter in a one-line field must not decide the triage; only the button does.
  function blockEnter(event: React.KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    // …except in the case search box, where Enter searches.
    if (event.target.id === `${id}-case-q`) setSubmittedQuery(caseQuery.trim());
  }

  const caseChoices = [
    ...candidateCases.flatMap((q) => (q.data ? [q.data] : [])),
    ...(searched.data ?? []).filter((c) => !candidateCaseIds.includes(c.id)),
  ];

  return (
    <form
      ref={formRef}
      className="card triage-section triage-form"
      onSubmit={handleSubmit}
      onKeyDown={blockEnter}
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`}>{t('triage.form.title')}</h2>
      {triage.error && (
        <div role="alert" className="alert" tabIndex={-1} ref={alertRef}>
          {problemLines(triage.error, t).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}

      <fieldset className="triage-outcomes">
        <legend>{t('triage.form.outcome')}</legend>
        {outcomes.map((o) => (
          <div key={o} className="triage-outcome">
            <input
              type="radio"
              id={`${id}-outcome-${o}`}
              name={`${id}-outcome`}
              value={o}
              required
              checked={outcome === o}
              onChange={() => setOutcome(o)}
              aria-describedby={`${id}-outcome-${o}-hint`}
            />
            <label htmlFor={`${id}-outcome-${o}`} className="triage-outcome-name">
              {t(`triage.outcome.${o}`)}
            </label>
            <span id={`${id}-outcome-${o}-hint`} className="hint">
              {t(`triage.outcomeHint.${o}`)}
            </span>
          </div>
        ))}
      </fieldset>

      {showArea && (
        <div className="field">
          <div className="label-row">
            <label htmlFor={`${id}-area`}>{t('triage.form.area')}</label>
            {areaRequired && <span className="tag required">{t('triage.required')}</span>}
          </div>
          <select
            id={`${id}-area`}
            required={areaRequired}
            value={area === UNASSIGNED ? '' : area}
            onChange={(e) => setArea(e.target.value)}
            aria-describedby={`${id}-area-hint`}
          >
            <option value="">{t('triage.form.chooseArea')}</option>
            {areas.data?.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
          <p id={`${id}-area-hint`} className="hint">
            {unassigned ? t('triage.form.areaHintUnassigned') : t('triage.form.areaHint')}
          </p>
        </div>
      )}

      {outcome === 'referral' && (
        <div className="field">
          <div className="label-row">
            <label htmlFor={`${id}-agency`}>{t('triage.form.agency')}</label>
            <span className="tag required">{t('triage.required')}</span>
          </div>
          <select
            id={`${id}-agency`}
            required
            value={agencyId}
            disabled={agencies.isPending}
            onChange={(e) => setAgencyId(e.target.value)}
            aria-describedby={selectedAgency ? `${id}-agency-can-do` : undefined}
          >
            <option value="">{t('triage.form.chooseAgency')}</option>
            {agencies.data?.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          {selectedAgency && (
            <p id={`${id}-agency-can-do`} className="hint">
              {selectedAgency.functions.join('・')}
              {selectedAgency.can_do && `：${selectedAgency.can_do}`}
            </p>
          )}
        </div>
      )}

      {outcome === 'link_case' && (
        <fieldset className="triage-cases">
          <legend>{t('triage.form.case')}</legend>
          <div className="field">
            <label htmlFor={`${id}-case-q`}>{t('triage.form.caseSearch')}</label>
            <div className="triage-search">
              <input
                id={`${id}-case-q`}
                type="search"
                autoComplete="off"
                maxLength={100}
                value={caseQuery}
                onChange={(e) => setCaseQuery(e.target.value)}
              />
              <button
                type="button"
                className="button"
                onClick={() => setSubmittedQuery(caseQuery.trim())}
              >
                {t('triage.form.search')}
              </button>
            </div>
          </div>
          {caseChoices.length === 0 ? (
            <p className="muted">
              {submittedQuery ? t('triage.form.noCases') : t('triage.form.caseHint')}
            </p>
          ) : (
            <ul className="triage-case-choices">
              {caseChoices.map((c) => (
                <li key={c.id}>
                  <label>
                    <input
                      type="radio"
                      name={`${id}-case`}
                      required
                      checked={caseId === c.id}
                      onChange={() => setCaseId(c.id)}
                    />
                    {c.title}
                    <span className="muted">
                      {candidateCaseIds.includes(c.id) && ` ${t('triage.form.fromCandidate')}`}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      )}

      {outcome === 'new_case' && (
        <NewCaseFields
          idPrefix={`${id}-new`}
          draft={draft}
          onChange={setDraft}
          candidates={candidates}
        />
      )}

      {outcome && (
        <div className="field">
          <div className="label-row">
            <label htmlFor={`${id}-note`}>{t('triage.form.note')}</label>
            <span className="tag">{t('triage.optional')}</span>
          </div>
          <textarea
            id={`${id}-note`}
            rows={3}
            maxLength={4000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
      )}

      <div className="actions">
        <button type="submit" className="button primary" disabled={!outcome || triage.isPending}>
          {t('triage.form.submit')}
        </button>
      </div>
    </form>
  );
}
