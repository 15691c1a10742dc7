import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { useInlineValidation } from '@/shared/ui/form-validation';
import { useStaffNames } from '@/shared/users/names';
import { StaffName } from '@/shared/users/staff-name';
import { StaffMultiPicker } from '@/shared/users/staff-picker';
import { useAgenda } from '../api/agenda';
import { meetingKeys } from '../api/keys';
import { useAddAmendment, useFinaliseMinutes, useMinutes, useSaveMinutes, type MinutesWithEtag } from '../api/minutes';
import type { AgendaItem, Meeting } from '../api/types';
import {
  decisionToWrite,
  draftOf,
  emptyDecision,
  emptyItem,
  newKey,
  toWrite,
  type Draft,
  type DraftDecision,
  type DraftItem,
} from '../utils/draft';
import { startLabelJa } from '../utils/tokyo';
import { DecisionEditor } from './decision-editor';
import { MinutesDocument } from './minutes-document';
import { splitUsernames } from './participants-field';
import { ProblemAlert } from './problem-alert';

/** The minutes (会議録): the draft editor, or the final text with its amendments. */
export function MinutesSection({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const id = useId();
  const minutes = useMinutes(meeting.id);
  const agenda = useAgenda(meeting.id);
  const [generation, setGeneration] = useState(0);
  const staffName = useStaffNames([minutes.data?.minutes.finalised_by]);
  const queryClient = useQueryClient();

  async function reload() {
    await queryClient.invalidateQueries({ queryKey: meetingKeys.part(meeting.id, 'minutes') });
    setGeneration((g) => g + 1);
  }

  return (
    <section id="meeting-minutes" className="card meetings-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('meetings.minutes.title')}</h2>
      {(minutes.isPending || agenda.isPending) && <p>{t('app.loading')}</p>}
      <ProblemAlert error={minutes.error ?? agenda.error} failed={t('meetings.minutes.loadError')} />
      {minutes.data && agenda.data && (
        minutes.data.minutes.status === 'final' ? (
          <>
            <p className="meetings-final-note" role="note">
              {t('meetings.minutes.finalNote', {
                when: minutes.data.minutes.finalised_at ? startLabelJa(minutes.data.minutes.finalised_at) : '',
                by: staffName(minutes.data.minutes.finalised_by),
              })}
            </p>
            <MinutesDocument meeting={meeting} minutes={minutes.data.minutes} agenda={agenda.data} />
            <AmendmentForm meeting={meeting} agenda={agenda.data} />
          </>
        ) : meeting.status === 'cancelled' ? (
          <p className="muted">{t('meetings.minutes.cancelled')}</p>
        ) : (
          <MinutesEditor
            key={generation}
            meeting={meeting}
            agenda={agenda.data}
            current={minutes.data}
            onReload={() => void reload()}
          />
        )
      )}
    </section>
  );
}

type EditorProps = { meeting: Meeting; agenda: AgendaItem[]; current: MinutesWithEtag; onReload: () => void };

function MinutesEditor({ meeting, agenda, current, onReload }: EditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(current.minutes));
  const [saved, setSaved] = useState<string | null>(null);
  const save = useSaveMinutes();
  const finalise = useFinaliseMinutes();
  const dialog = useRef<HTMLDialogElement>(null);
  const v = useInlineValidation();

  const people = [...new Set([meeting.organiser, ...meeting.participants, ...current.minutes.attendees])];
  const body = toWrite(draft, agenda, splitUsernames(draft.extraAttendees));
  const draftBy = useStaffNames([current.minutes.updated_by]);
  const serverBody = toWrite(draftOf(current.minutes), agenda, []);
  const dirty = JSON.stringify(body) !== JSON.stringify(serverBody);
  const decisionCount = body.items?.reduce((n, item) => n + (item.decisions?.length ?? 0), 0) ?? 0;
  const actionCount =
    body.items?.reduce((n, item) => n + (item.decisions ?? []).reduce((m, d) => m + (d.actions?.length ?? 0), 0), 0) ?? 0;

  const setItem = (itemId: string, patch: Partial<DraftItem>) =>
    setDraft((d) => ({ ...d, items: { ...d.items, [itemId]: { ...(d.items[itemId] ?? emptyItem()), ...patch } } }));
  const setDecisions = (itemId: string, update: (decisions: DraftDecision[]) => DraftDecision[]) =>
    setDraft((d) => {
      const item = d.items[itemId] ?? emptyItem();
      return { ...d, items: { ...d.items, [itemId]: { ...item, decisions: update(item.decisions) } } };
    });

  async function saveDraft(): Promise<MinutesWithEtag> {
    const result = await save.mutateAsync({ meetingId: meeting.id, etag: current.etag, body });
    setDraft(draftOf(result.minutes));
    setSaved(result.minutes.updated_at ? startLabelJa(result.minutes.updated_at) : '');
    return result;
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!v.validate()) return;
    void saveDraft().catch(() => undefined);
  }

  async function handleFinalise() {
    dialog.current?.close();
    try {
      const latest = dirty || current.minutes.version === 0 ? await saveDraft() : current;
      await finalise.mutateAsync({ meetingId: meeting.id, etag: latest.etag });
    } catch {
      // Shown by the alerts below.
    }
  }

  const error = save.error ?? finalise.error;
  return (
    <form
      ref={v.formRef}
      className="meetings-minutes-form"
      onSubmit={handleSubmit}
      aria-describedby={`${id}-status`}
      noValidate
    >
      <p id={`${id}-status`} className="hint">
        {current.minutes.version === 0
          ? t('meetings.minutes.notYet')
          : t('meetings.minutes.draftStatus', {
              when: current.minutes.updated_at ? startLabelJa(current.minutes.updated_at) : '',
              by: draftBy(current.minutes.updated_by),
            })}
      </p>

      <fieldset className="meetings-fieldset">
        <legend>{t('meetings.minutes.attendance')}</legend>
        <ul className="meetings-checks">
          {people.map((username) => (
            <li key={username}>
              <input
                id={`${id}-att-${username}`}
                type="checkbox"
                checked={draft.attendees.includes(username)}
                onChange={(e) =>
                  setDraft((d) => ({
                    ...d,
                    attendees: e.target.checked ? [...d.attendees, username] : d.attendees.filter((u) => u !== username),
                  }))
                }
              />
              <label htmlFor={`${id}-att-${username}`}>
                <StaffName username={username} />
              </label>
            </li>
          ))}
        </ul>
        <div className="field">
          <StaffMultiPicker
            label={t('staffPicker.addAttendee')}
            values={splitUsernames(draft.extraAttendees).filter((u) => !people.includes(u))}
            onChange={(usernames) => setDraft((d) => ({ ...d, extraAttendees: usernames.join(' ') }))}
          />
        </div>
        <h3 className="meetings-subhead">{t('meetings.minutes.agencyAttendees')}</h3>
        {draft.agencies.map((a, i) => (
          <div key={a.key} className="meetings-row meetings-agency-row">
            <div className="field">
              <label htmlFor={`${id}-ag-${a.key}`}>{t('meetings.minutes.agencyNameN', { n: i + 1 })}</label>
              <input
                id={`${id}-ag-${a.key}`}
                value={a.name}
                maxLength={200}
                onChange={(e) =>
                  setDraft((d) => ({
                    ...d,
                    agencies: d.agencies.map((x) => (x.key === a.key ? { ...x, name: e.target.value } : x)),
                  }))
                }
              />
            </div>
            <button
              type="button"
              className="meetings-link-button"
              onClick={() => setDraft((d) => ({ ...d, agencies: d.agencies.filter((x) => x.key !== a.key) }))}
            >
              {t('meetings.minutes.removeAgency', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button"
          onClick={() => setDraft((d) => ({ ...d, agencies: [...d.agencies, { key: newKey(), name: '', agency_id: '' }] }))}
        >
          {t('meetings.minutes.addAgency')}
        </button>
      </fieldset>

      {agenda.length === 0 && <p className="muted">{t('meetings.minutes.noAgenda')}</p>}
      {agenda.map((item, index) => {
        const entry = draft.items[item.id] ?? emptyItem();
        return (
          <section key={item.id} className="meetings-minutes-item" aria-labelledby={`${id}-item-${item.id}`}>
            <h3 id={`${id}-item-${item.id}`}>
              {t('meetings.agenda.itemNumber', { n: index + 1 })}
              {item.case_title}
            </h3>
            <div className="field">
              <label htmlFor={`${id}-disc-${item.id}`}>{t('meetings.minutes.discussionFor', { title: item.case_title })}</label>
              <textarea
                id={`${id}-disc-${item.id}`}
                rows={4}
                maxLength={20000}
                value={entry.discussion}
                onChange={(e) => setItem(item.id, { discussion: e.target.value })}
              />
            </div>
            {entry.decisions.map((decision, i) => (
              <DecisionEditor
                key={decision.key}
                decision={decision}
                number={i + 1}
                validation={v}
                onChange={(next) => setDecisions(item.id, (ds) => ds.map((d) => (d.key === next.key ? next : d)))}
                onRemove={() => setDecisions(item.id, (ds) => ds.filter((d) => d.key !== decision.key))}
              />
            ))}
            <button type="button" className="button" onClick={() => setDecisions(item.id, (ds) => [...ds, emptyDecision()])}>
              {t('meetings.minutes.addDecision', { title: item.case_title })}
            </button>
          </section>
        );
      })}

      <div className="field">
        <label htmlFor={`${id}-note`}>{t('meetings.minutes.generalNote')}</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          maxLength={20000}
          value={draft.generalNote}
          onChange={(e) => setDraft((d) => ({ ...d, generalNote: e.target.value }))}
        />
      </div>

      {v.summary}
      <ProblemAlert error={error} failed={t('meetings.minutes.saveFailed')} onReload={onReload} />
      {saved !== null && !dirty && !error && (
        <p role="status" className="meetings-ok">
          {t('meetings.minutes.saved', { when: saved })}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending || !dirty}>
          {t('meetings.minutes.save')}
        </button>
        <button
          type="button"
          className="button primary"
          disabled={save.isPending || finalise.isPending}
          onClick={() => {
            // A draft that cannot be saved as it stands is not offered for finalising either.
            if (v.validate()) dialog.current?.showModal();
          }}
        >
          {t('meetings.minutes.finalise')}
        </button>
      </div>

      <dialog ref={dialog} className="meetings-dialog" aria-labelledby={`${id}-dlg-h`} aria-describedby={`${id}-dlg-p`}>
        <h2 id={`${id}-dlg-h`}>{t('meetings.finalise.title')}</h2>
        <div id={`${id}-dlg-p`}>
          <p>{t('meetings.finalise.lock')}</p>
          <p>{t('meetings.finalise.send', { decisions: decisionCount, actions: actionCount })}</p>
          {dirty && <p>{t('meetings.finalise.unsaved')}</p>}
          {decisionCount === 0 && <p className="meetings-warn">{t('meetings.finalise.noDecisions')}</p>}
        </div>
        <div className="actions">
          <button type="button" className="button primary" onClick={() => void handleFinalise()}>
            {t('meetings.finalise.confirm')}
          </button>
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {t('meetings.finalise.back')}
          </button>
        </div>
      </dialog>
    </form>
  );
}

function AmendmentForm({ meeting, agenda }: { meeting: Meeting; agenda: AgendaItem[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [decisions, setDecisions] = useState<{ itemId: string; decision: DraftDecision }[]>([]);
  const v = useInlineValidation();
  const amend = useAddAmendment({
    onSuccess: () => {
      setText('');
      setReason('');
      setDecisions([]);
      setOpen(false);
    },
  });

  if (meeting.status === 'cancelled') return null;
  if (!open) {
    return (
      <div className="actions">
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t('meetings.amend.open')}
        </button>
        {amend.isSuccess && <p role="status" className="meetings-ok">{t('meetings.amend.added')}</p>}
      </div>
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!v.validate()) return;
    amend.mutate({
      meetingId: meeting.id,
      body: {
        text: text.trim(),
        reason: reason.trim(),
        decisions: decisions.map(({ itemId, decision }) => ({ agenda_item_id: itemId, ...decisionToWrite(decision) })),
      },
    });
  }

  return (
    <form
      ref={v.formRef}
      className="form meetings-inline-form"
      onSubmit={handleSubmit}
      aria-labelledby={`${id}-h`}
      noValidate
    >
      <h3 id={`${id}-h`}>{t('meetings.amend.title')}</h3>
      <p className="hint">{t('meetings.amend.hint')}</p>
      {v.summary}
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('meetings.amend.text')}</label>
        <textarea
          id={`${id}-text`}
          rows={3}
          required
          value={text}
          onChange={(e) => setText(e.target.value)}
          {...v.aria(`${id}-text`)}
        />
        {v.errorText(`${id}-text`)}
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('meetings.amend.reason')}</label>
        <input
          id={`${id}-reason`}
          required
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          {...v.aria(`${id}-reason`)}
        />
        {v.errorText(`${id}-reason`)}
      </div>
      {decisions.map(({ itemId, decision }, i) => (
        <div key={decision.key} className="meetings-amend-decision">
          <div className="field">
            <label htmlFor={`${id}-item-${decision.key}`}>{t('meetings.amend.item')}</label>
            <select
              id={`${id}-item-${decision.key}`}
              value={itemId}
              onChange={(e) =>
                setDecisions((ds) => ds.map((d) => (d.decision.key === decision.key ? { ...d, itemId: e.target.value } : d)))
              }
            >
              {agenda.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.case_title}
                </option>
              ))}
            </select>
          </div>
          <DecisionEditor
            decision={decision}
            number={i + 1}
            validation={v}
            onChange={(next) => setDecisions((ds) => ds.map((d) => (d.decision.key === next.key ? { ...d, decision: next } : d)))}
            onRemove={() => setDecisions((ds) => ds.filter((d) => d.decision.key !== decision.key))}
          />
        </div>
      ))}
      {agenda.length > 0 && (
        <button
          type="button"
          className="button"
          onClick={() => setDecisions((ds) => [...ds, { itemId: agenda[0]?.id ?? '', decision: emptyDecision() }])}
        >
          {t('meetings.amend.addDecision')}
        </button>
      )}
      <ProblemAlert error={amend.error} failed={t('meetings.amend.failed')} />
      <div className="actions">
        <button type="submit" className="button primary" disabled={amend.isPending}>
          {t('meetings.amend.submit')}
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('meetings.amend.back')}
        </button>
      </div>
    </form>
  );
}
