import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/shared/api/errors';
import { useCurrentUser } from '@/shared/auth/current-user';
import { flatErrors, messageOf } from '@/shared/forms/zod-form';
import { useAgencies } from '../api/get-agencies';
import { useAreas } from '../api/get-areas';
import type { Candidate } from '../api/get-candidates';
import { useCasesById, useCaseSearch } from '../api/get-cases';
import type { QueueItem } from '../api/get-triage-queue';
import { newIdempotencyKey, useTriageConsultation } from '../api/triage';
import { problemLines } from '../utils/problem-text';
import {
  emptyMember,
  NEEDS_AREA,
  outcomes,
  showsArea,
  triageSchema,
  UNASSIGNED,
  type NewCaseDraft,
  type TriageFormValues,
  type TriageSent,
} from '../utils/triage-schema';
import { NewCaseFields } from './new-case-fields';

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
  // A CSW may open cases in their own area only: that is the sensible default for them.
  const ownArea = me.data?.role === 'csw' ? (me.data.area ?? '') : '';
  const schema = useMemo(() => triageSchema({ unassigned }), [unassigned]);

  // noValidate: what is missing is said inline, in the app's words, not in the browser's popups.
  const form = useForm<TriageFormValues, unknown, TriageSent>({
    resolver: zodResolver(schema),
    defaultValues: {
      outcome: null,
      note: '',
      area: unassigned ? ownArea : consultation.area,
      agencyId: '',
      caseId: '',
      newCase: draftFrom(consultation, me.data?.username ?? ''),
    },
    shouldFocusError: false,
  });
  const { register, setValue, watch, getValues, handleSubmit, trigger, formState } = form;
  const outcome = watch('outcome');
  const area = watch('area');
  const agencyId = watch('agencyId');
  const caseId = watch('caseId');
  const errors = flatErrors(formState.errors);
  const errorOf = (path: string) => messageOf(t, errors[path] ? { message: errors[path] } : undefined);

  const [caseQuery, setCaseQuery] = useState('');
  const [submittedQuery, setSubmittedQuery] = useState('');
  // One key per attempt: pressing the button twice makes one decision. A definite refusal
  // (4xx) gets a new key, since the corrected form is another request.
  const [key, setKey] = useState(newIdempotencyKey);

  // The user is known after the form opened: their username leads, their area is offered.
  useEffect(() => {
    if (me.data && getValues('newCase.lead') === '') setValue('newCase.lead', me.data.username);
    if (me.data?.role === 'csw' && unassigned && getValues('area') === '') setValue('area', me.data.area ?? '');
  }, [me.data, unassigned, getValues, setValue]);

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

  const showArea = showsArea(outcome, unassigned);
  const areaRequired = outcome !== null && NEEDS_AREA.includes(outcome);
  const selectedAgency = agencies.data?.find((a) => a.id === agencyId);

  /** A value from a control the form does not register; after a refused submit, checked again. */
  function set<K extends 'outcome' | 'area' | 'agencyId' | 'caseId'>(name: K, value: TriageFormValues[K]) {
    setValue(name, value as never, { shouldDirty: true });
    // Whole form: another outcome drops the messages of the fields it no longer shows.
    if (formState.isSubmitted) void trigger();
  }

  const send = handleSubmit(
    (body) =>
      triage.mutate(
        { body, key },
        {
          onError: (error) => {
            if (error instanceof ApiError && error.status < 500) setKey(newIdempotencyKey());
          },
        },
      ),
    () => setRefused((n) => n + 1),
  );
  // After a refused submit (once the messages are on screen) the keyboard goes to the first field to mend.
  const [refused, setRefused] = useState(0);
  useEffect(() => {
    if (refused > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refused]);

  // Enter in a one-line field must not decide the triage; only the button does.
  function blockEnter(event: React.KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    // …except in the case search box, where Enter searches.
    if (event.target.id === `${id}-case-q`) setSubmittedQuery(caseQuery.trim());
  }

  /** aria-invalid and aria-describedby (hint first) for a control with this id and error path. */
  const aria = (controlId: string, path: string, hintId?: string) => {
    const described = [hintId, errors[path] ? `${controlId}-error` : null].filter(Boolean).join(' ');
    return { 'aria-invalid': errors[path] ? true : undefined, 'aria-describedby': described || undefined };
  };
  const errorText = (controlId: string, path: string) =>
    errors[path] ? (
      <p id={`${controlId}-error`} className="field-error">
        {errorOf(path)}
      </p>
    ) : null;

  const caseChoices = [
    ...candidateCases.flatMap((q) => (q.data ? [q.data] : [])),
    ...(searched.data ?? []).filter((c) => !candidateCaseIds.includes(c.id)),
  ];

  return (
    <FormProvider {...form}>
    <form
      ref={formRef}
      className="card triage-section triage-form"
      onSubmit={send}
      onKeyDown={blockEnter}
      aria-labelledby={`${id}-title`}
      noValidate
    >
      <h2 id={`${id}-title`}>{t('triage.form.title')}</h2>
      {triage.error && (
        <div role="alert" className="alert" tabIndex={-1} ref={alertRef}>
          {problemLines(triage.error, t).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      {Object.keys(errors).length > 0 && (
        <p role="alert" className="alert">
          {t('dateFields.validation.summary')}
        </p>
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
              onChange={() => set('outcome', o)}
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
            onChange={(e) => set('area', e.target.value)}
            {...aria(`${id}-area`, 'area', `${id}-area-hint`)}
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
          {errorText(`${id}-area`, 'area')}
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
            onChange={(e) => set('agencyId', e.target.value)}
            {...aria(`${id}-agency`, 'agencyId', selectedAgency ? `${id}-agency-can-do` : undefined)}
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
          {errorText(`${id}-agency`, 'agencyId')}
        </div>
      )}

      {outcome === 'link_case' && (
        <fieldset
          className="triage-cases"
          aria-describedby={errors.caseId ? `${id}-case-error` : undefined}
        >
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
                      onChange={() => set('caseId', c.id)}
                      aria-invalid={errors.caseId ? true : undefined}
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
          {errorText(`${id}-case`, 'caseId')}
        </fieldset>
      )}

      {outcome === 'new_case' && (
        <NewCaseFields idPrefix={`${id}-new`} candidates={candidates} />
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
            {...register('note')}
          />
        </div>
      )}

      <div className="actions">
        <button type="submit" className="button primary" disabled={!outcome || triage.isPending}>
          {t('triage.form.submit')}
        </button>
      </div>
    </form>
    </FormProvider>
  );
}
