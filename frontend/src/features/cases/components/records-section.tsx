import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeInputToIso, formatDateTime, formatWareki, nowForDateTimeInput } from '@/shared/utils/datetime';
import { DateTimeField } from '@/shared/ui/date-fields';
import { useInlineValidation } from '@/shared/ui/form-validation';
import { useStaffNames } from '@/shared/users/names';
import { useRecords } from '../api/get-records';
import { caseKeys } from '../api/keys';
import { useAmendRecord, useCreateRecord, useEditRecord } from '../api/write-record';
import { recordKinds, type RecordKind, type SupportRecord } from '../api/types';
import { CaseSection } from './case-section';
import { ProblemAlert, SectionError } from './problem-alert';
import type { SectionProps } from './section-props';

/** Originals newest first, each with the amendments that correct it underneath. */
export function groupTimeline(records: SupportRecord[]): { record: SupportRecord; amendments: SupportRecord[] }[] {
  const ids = new Set(records.map((r) => r.id));
  const amendmentsOf = new Map<string, SupportRecord[]>();
  for (const r of records) {
    if (r.amends_id && ids.has(r.amends_id)) {
      amendmentsOf.set(r.amends_id, [...(amendmentsOf.get(r.amends_id) ?? []), r]);
    }
  }
  return records
    .filter((r) => !(r.amends_id && ids.has(r.amends_id)))
    .map((record) => ({
      record,
      amendments: (amendmentsOf.get(record.id) ?? []).sort((a, b) => a.created_at.localeCompare(b.created_at)),
    }));
}

/** 支援経過: the timeline, newest first, and the form to add to it. */
export function RecordsSection({ caseId, me, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const records = useRecords(caseId);
  const timeline = records.data ? groupTimeline(records.data.items) : [];

  return (
    <CaseSection id="cases-records" title={t('cases.sections.records')}>
      {!readOnly && <RecordForm caseId={caseId} />}
      <h3 className="cases-subhead">{t('cases.records.timeline')}</h3>
      {records.isPending && <p className="muted">{t('app.loading')}</p>}
      {records.isError && <SectionError error={records.error} failed={t('cases.records.loadError')} />}
      {records.data?.items.length === 0 && <p className="empty">{t('cases.records.empty')}</p>}
      {timeline.length > 0 && (
        <ol className="cases-timeline">
          {timeline.map(({ record, amendments }) => (
            <li key={record.id}>
              <RecordEntry caseId={caseId} record={record} me={me?.username} readOnly={readOnly} />
              {amendments.length > 0 && (
                <ol className="cases-amendments" aria-label={t('cases.records.amendmentsOf')}>
                  {amendments.map((a) => (
                    <li key={a.id}>
                      <RecordEntry caseId={caseId} record={a} me={me?.username} readOnly={readOnly} />
                    </li>
                  ))}
                </ol>
              )}
            </li>
          ))}
        </ol>
      )}
    </CaseSection>
  );
}

function RecordForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<RecordKind>('visit');
  const [occurredAt, setOccurredAt] = useState(nowForDateTimeInput);
  const [minutes, setMinutes] = useState('30');
  const [text, setText] = useState('');
  const [saved, setSaved] = useState(false);
  const v = useInlineValidation();
  const create = useCreateRecord(caseId, {
    onSuccess: () => {
      setText('');
      setSaved(true);
    },
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    if (!v.validate()) return;
    create.mutate({
      kind,
      occurred_at: dateTimeInputToIso(occurredAt) ?? '',
      minutes_spent: Number(minutes),
      text: text.trim(),
    });
  }

  return (
    <form
      ref={v.formRef}
      className="form cases-form cases-record-form no-print"
      onSubmit={handleSubmit}
      aria-labelledby="cases-record-form-title"
      noValidate
    >
      <h3 id="cases-record-form-title" className="cases-subhead">
        {t('cases.records.add')}
      </h3>
      <ProblemAlert error={create.error} failed={t('cases.records.failed')} />
      {v.summary}
      {saved && (
        <p role="status" className="cases-saved">
          {t('cases.records.saved')}
        </p>
      )}
      <div className="cases-row">
        <div className="field">
          <label htmlFor="cases-record-kind">{t('cases.records.kind')}</label>
          <select id="cases-record-kind" value={kind} onChange={(e) => setKind(e.target.value as RecordKind)}>
            {recordKinds.map((k) => (
              <option key={k} value={k}>
                {t(`cases.recordKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label id="cases-record-at-label" htmlFor="cases-record-at">
            {t('cases.records.occurredAt')}
          </label>
          <DateTimeField
            id="cases-record-at"
            required
            value={occurredAt}
            onChange={setOccurredAt}
            error={v.message('cases-record-at')}
          />
        </div>
        <div className="field">
          <label htmlFor="cases-record-minutes">{t('cases.records.minutes')}</label>
          <input
            id="cases-record-minutes"
            type="number"
            inputMode="numeric"
            min={0}
            max={1440}
            required
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            {...v.aria('cases-record-minutes')}
          />
          {v.errorText('cases-record-minutes')}
        </div>
      </div>
      <div className="field">
        <label htmlFor="cases-record-text">{t('cases.records.text')}</label>
        <textarea
          id="cases-record-text"
          required
          rows={4}
          maxLength={10000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          {...v.aria('cases-record-text')}
        />
        {v.errorText('cases-record-text')}
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={create.isPending}>
          {t('cases.records.submit')}
        </button>
      </div>
    </form>
  );
}

type RecordEntryProps = { caseId: string; record: SupportRecord; me: string | undefined; readOnly: boolean };

function RecordEntry({ caseId, record, me, readOnly }: RecordEntryProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'view' | 'amend' | 'edit'>('view');
  const editable =
    me === record.author && !record.superseded && new Date(record.editable_until).getTime() > Date.now();
  const isAmendment = record.amends_id !== null;
  const authorName = useStaffNames([record.author]);

  return (
    <article
      className={`cases-record${record.superseded ? ' cases-superseded' : ''}${isAmendment ? ' cases-amendment' : ''}`}
      aria-label={`${formatDateTime(record.occurred_at)} ${t(`cases.recordKind.${record.kind}`)}`}
    >
      <header className="cases-record-head">
        {isAmendment && <span className="badge cases-amend-badge">{t('cases.records.amendmentLabel')}</span>}
        <span className="badge cases-kind">{t(`cases.recordKind.${record.kind}`)}</span>
        <time dateTime={record.occurred_at}>{formatDateTime(record.occurred_at)}</time>
        <span className="muted">（{formatWareki(record.occurred_at)}）</span>
        <span className="muted">{t('cases.records.minutesValue', { count: record.minutes_spent })}</span>
        <span className="muted">{t('cases.records.by', { author: authorName(record.author) })}</span>
        {record.source !== 'staff' && (
          <span className="tag">{t(`cases.records.source.${record.source}`)}</span>
        )}
        {record.superseded && <span className="tag">{t('cases.records.superseded')}</span>}
        {record.edited_at && <span className="tag">{t('cases.records.edited')}</span>}
      </header>
      {isAmendment && record.amendment_reason && (
        <p className="cases-amend-reason">
          {t('cases.records.amendmentReason')}：{record.amendment_reason}
        </p>
      )}
      <p className="cases-record-text">{record.text}</p>
      {mode === 'view' && !readOnly && (
        <div className="actions no-print">
          {!isAmendment && (
            <button type="button" className="button" onClick={() => setMode('amend')}>
              {t('cases.records.amend')}
            </button>
          )}
          {editable && (
            <button type="button" className="button" onClick={() => setMode('edit')}>
              {t('cases.records.edit')}
            </button>
          )}
        </div>
      )}
      {mode === 'amend' && <AmendForm caseId={caseId} record={record} onDone={() => setMode('view')} />}
      {mode === 'edit' && <EditForm caseId={caseId} record={record} onDone={() => setMode('view')} />}
    </article>
  );
}

function AmendForm({ caseId, record, onDone }: { caseId: string; record: SupportRecord; onDone: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(record.text);
  const [reason, setReason] = useState('');
  const amend = useAmendRecord(caseId, { onSuccess: onDone });
  const base = `cases-amend-${record.id}`;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    amend.mutate({ recordId: record.id, body: { text: text.trim(), reason: reason.trim() } });
  }

  return (
    <form className="form cases-form" onSubmit={handleSubmit} aria-label={t('cases.records.amendTitle')}>
      <p className="hint">{t('cases.records.amendHint')}</p>
      <ProblemAlert error={amend.error} failed={t('cases.records.amendFailed')} />
      <div className="field">
        <label htmlFor={`${base}-text`}>{t('cases.records.amendText')}</label>
        <textarea
          id={`${base}-text`}
          required
          rows={4}
          maxLength={10000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${base}-reason`}>{t('cases.records.amendmentReason')}</label>
        <input
          id={`${base}-reason`}
          required
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={amend.isPending}>
          {t('cases.records.amendSubmit')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('cases.cancel')}
        </button>
      </div>
    </form>
  );
}

function EditForm({ caseId, record, onDone }: { caseId: string; record: SupportRecord; onDone: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(record.text);
  const [minutes, setMinutes] = useState(String(record.minutes_spent));
  const queryClient = useQueryClient();
  const edit = useEditRecord(caseId, { onSuccess: onDone });
  const base = `cases-edit-${record.id}`;
  const reload = () => {
    onDone();
    void queryClient.invalidateQueries({ queryKey: caseKeys.part(caseId, 'records') });
  };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    edit.mutate({ record, body: { text: text.trim(), minutes_spent: Number(minutes) } });
  }

  return (
    <form className="form cases-form" onSubmit={handleSubmit} aria-label={t('cases.records.editTitle')}>
      <p className="hint">
        {t('cases.records.editHint', { until: formatDateTime(record.editable_until) })}
      </p>
      <ProblemAlert error={edit.error} onReload={reload} failed={t('cases.records.editFailed')} />
      <div className="field">
        <label htmlFor={`${base}-minutes`}>{t('cases.records.minutes')}</label>
        <input
          id={`${base}-minutes`}
          type="number"
          min={0}
          max={1440}
          required
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${base}-text`}>{t('cases.records.text')}</label>
        <textarea
          id={`${base}-text`}
          required
          rows={4}
          maxLength={10000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={edit.isPending}>
          {t('cases.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('cases.cancel')}
        </button>
      </div>
    </form>
  );
}
