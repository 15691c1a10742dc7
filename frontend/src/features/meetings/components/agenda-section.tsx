import type { TFunction } from 'i18next';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { StaffName } from '@/shared/users/staff-name';
import { useAddAgendaItem, useAgenda, useCaseSearch, useRemoveAgendaItem } from '../api/agenda';
import type { AgendaItem, CaseSummary, Meeting } from '../api/types';
import { bodyNotAllowedOf, isStatus } from '../utils/problems';
import { MaterialView } from './material-view';
import { ProblemAlert } from './problem-alert';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The cases the meeting discusses, each with the body case-api recommends, and adding one. */
export function AgendaSection({ meeting, minutesFinal }: { meeting: Meeting; minutesFinal: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const agenda = useAgenda(meeting.id);
  const remove = useRemoveAgendaItem();
  const open = meeting.status !== 'cancelled' && !minutesFinal;

  return (
    <section id="meeting-agenda" className="card meetings-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('meetings.agenda.title')}</h2>
      <ProblemAlert error={agenda.error} failed={t('meetings.agenda.loadError')} />
      {agenda.data?.length === 0 && <p className="muted">{t('meetings.agenda.empty')}</p>}
      {agenda.data && agenda.data.length > 0 && (
        <ol className="meetings-agenda">
          {agenda.data.map((item, index) => (
            <AgendaEntry
              key={item.id}
              item={item}
              number={index + 1}
              meeting={meeting}
              canRemove={open}
              removing={remove.isPending && remove.variables?.itemId === item.id}
              onRemove={() => remove.mutate({ meetingId: meeting.id, itemId: item.id })}
            />
          ))}
        </ol>
      )}
      <ProblemAlert error={remove.error} failed={t('meetings.agenda.removeFailed')} />
      {open && <AddAgendaItem meeting={meeting} />}
    </section>
  );
}

function consentLabel(status: string, t: TFunction): string {
  const known = ['given', 'refused', 'not_asked', 'withdrawn'];
  return known.includes(status) ? t(`meetings.consent.${status as 'given'}`) : status;
}

function AgendaEntry({
  item,
  number,
  meeting,
  canRemove,
  removing,
  onRemove,
}: {
  item: AgendaItem;
  number: number;
  meeting: Meeting;
  canRemove: boolean;
  removing: boolean;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const [showMaterial, setShowMaterial] = useState(false);
  const rec = item.recommendation;
  const overridden = rec.effective_body && rec.body && rec.effective_body !== rec.body;
  return (
    <li className="meetings-agenda-item">
      <h3>
        {t('meetings.agenda.itemNumber', { n: number })}
        <Link to={`/cases/${item.case_id}`}>{item.case_title}</Link>
      </h3>
      <dl className="meetings-facts compact">
        <dt>{t('meetings.agenda.consent')}</dt>
        <dd>
          <span className={`meetings-consent ${item.consent_status}`}>{consentLabel(item.consent_status, t)}</span>
        </dd>
        <dt>{t('meetings.agenda.recommended')}</dt>
        <dd>
          {rec.body_label ? (
            <>
              <strong>{rec.body_label}</strong>
              {rec.reason && <span className="meetings-reason">{t('meetings.agenda.because', { reason: rec.reason })}</span>}
            </>
          ) : (
            <span className="muted">{t('meetings.agenda.noRecommendation')}</span>
          )}
        </dd>
        {overridden && (
          <>
            <dt>{t('meetings.agenda.effective')}</dt>
            <dd>{rec.effective_body_label}</dd>
          </>
        )}
        {item.note && (
          <>
            <dt>{t('meetings.agenda.note')}</dt>
            <dd className="meetings-text">{item.note}</dd>
          </>
        )}
        <dt>{t('meetings.agenda.addedBy')}</dt>
        <dd>
          <StaffName username={item.added_by} />
        </dd>
      </dl>
      <div className="actions">
        <button type="button" className="button" aria-expanded={showMaterial} onClick={() => setShowMaterial(!showMaterial)}>
          {showMaterial ? t('meetings.material.hide') : t('meetings.material.show')}
        </button>
        {canRemove && (
          <button type="button" className="button" disabled={removing} onClick={onRemove}>
            {t('meetings.agenda.remove')}
          </button>
        )}
      </div>
      {showMaterial && <MaterialView meetingId={meeting.id} itemId={item.id} confidential={meeting.confidential} />}
    </li>
  );
}

function AddAgendaItem({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [submittedQuery, setSubmittedQuery] = useState('');
  const [caseId, setCaseId] = useState('');
  const [picked, setPicked] = useState<CaseSummary | null>(null);
  const [note, setNote] = useState('');
  const search = useCaseSearch(submittedQuery);
  const add = useAddAgendaItem({
    onSuccess: () => {
      setCaseId('');
      setPicked(null);
      setNote('');
    },
  });
  const refusal = bodyNotAllowedOf(add.error);
  const validId = UUID.test(caseId.trim());
  // Said before asking: a case without consent goes to a 支援会議 only (the server decides).
  const likelyRefused =
    picked && picked.consent_status !== 'given' && meeting.body_type !== 'shien' ? picked : null;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!validId) return;
    add.mutate({ meetingId: meeting.id, caseId: caseId.trim(), note: note.trim() || null });
  }

  return (
    <div className="meetings-add-agenda">
      <h3>{t('meetings.agenda.addTitle')}</h3>
      <form
        className="meetings-search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSubmittedQuery(query.trim());
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('meetings.agenda.search')}</label>
          <div className="meetings-copy-row">
            <input id={`${id}-q`} type="search" value={query} maxLength={100} onChange={(e) => setQuery(e.target.value)} />
            <button type="submit" className="button">
              {t('meetings.agenda.searchSubmit')}
            </button>
          </div>
        </div>
      </form>
      {search.isFetching && <p>{t('app.loading')}</p>}
      <ProblemAlert error={search.error} failed={t('meetings.agenda.searchFailed')} />
      {search.data && submittedQuery && (
        search.data.length === 0 ? (
          <p className="muted">{t('meetings.agenda.noResults')}</p>
        ) : (
          <ul className="meetings-results" aria-label={t('meetings.agenda.results')}>
            {search.data.map((c) => (
              <li key={c.id}>
                <span>
                  <strong>{c.title}</strong>
                  <span className="muted">
                    {' '}
                    {consentLabel(c.consent_status, t)}・{t('meetings.agenda.recommendedShort', {
                      body: t(`meetings.bodyType.${c.effective_body}`),
                    })}
                  </span>
                </span>
                <button
                  type="button"
                  className="button"
                  aria-pressed={caseId === c.id}
                  onClick={() => {
                    setCaseId(c.id);
                    setPicked(c);
                    add.reset();
                  }}
                >
                  {t('meetings.agenda.pick', { title: c.title })}
                </button>
              </li>
            ))}
          </ul>
        )
      )}

      <form className="form meetings-add-form" onSubmit={handleSubmit}>
        <div className="field">
          <label htmlFor={`${id}-case`}>{t('meetings.agenda.caseId')}</label>
          <input
            id={`${id}-case`}
            value={caseId}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => {
              setCaseId(e.target.value);
              setPicked(null);
            }}
            aria-invalid={caseId !== '' && !validId ? true : undefined}
            aria-describedby={`${id}-case-hint`}
          />
          <p id={`${id}-case-hint`} className="hint">
            {caseId !== '' && !validId ? t('meetings.agenda.caseIdInvalid') : t('meetings.agenda.caseIdHint')}
          </p>
          {picked && <p className="meetings-picked">{t('meetings.agenda.picked', { title: picked.title })}</p>}
        </div>
        {likelyRefused && <p className="meetings-warn">{t('meetings.agenda.likelyRefused')}</p>}
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('meetings.agenda.note')}</label>
          <textarea id={`${id}-note`} rows={2} maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        {refusal ? (
          <div role="alert" className="alert meetings-alert">
            <p>
              <strong>{t('meetings.agenda.refused')}</strong>
            </p>
            <p>{refusal.title}</p>
            {refusal.detail && <p>{refusal.detail}</p>}
            {refusal.allowed.length > 0 && (
              <p>
                {t('meetings.agenda.allowed', {
                  bodies: refusal.allowed.map((b) => t(`meetings.bodyType.${b}`)).join('・'),
                })}
              </p>
            )}
          </div>
        ) : isStatus(add.error, 404) ? (
          <p role="alert" className="alert meetings-alert">
            {t('meetings.agenda.caseNotFound')}
          </p>
        ) : (
          <ProblemAlert error={add.error} failed={t('meetings.agenda.addFailed')} />
        )}
        {add.isSuccess && (
          <p role="status" className="meetings-ok">
            {t('meetings.agenda.added', { title: add.data.case_title })}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button primary" disabled={add.isPending || !validId}>
            {t('meetings.agenda.add')}
          </button>
        </div>
      </form>
    </div>
  );
}
