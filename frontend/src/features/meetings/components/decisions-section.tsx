import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useStaffNames } from '@/shared/users/names';
import { useAgenda } from '../api/agenda';
import { useAgencies } from '../api/get-agencies';
import { useDecisions } from '../api/minutes';
import type { Decision, Meeting } from '../api/types';
import { CopyButton } from './copy-button';
import { ProblemAlert } from './problem-alert';

type ActionRow = { text?: string; owner_kind?: string; owner?: string; due_date?: string | null };

/** Decisions of the final minutes, with their ids and whether they have reached their cases. */
export function DecisionsSection({ meeting, enabled }: { meeting: Meeting; enabled: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const decisions = useDecisions(meeting.id, enabled);
  const agenda = useAgenda(meeting.id);
  const agencies = useAgencies();
  const caseTitle = (d: Decision) => agenda.data?.find((a) => a.id === d.agenda_item_id)?.case_title ?? d.case_id;
  const staffName = useStaffNames((decisions.data ?? []).flatMap((d) => (d.actions as ActionRow[]).map((a) => a.owner)));
  const owner = (a: ActionRow) =>
    a.owner_kind === 'agency' ? (agencies.data?.find((x) => x.id === a.owner)?.name ?? a.owner) : staffName(a.owner);

  return (
    <section id="meeting-decisions" className="card meetings-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('meetings.decisions.title')}</h2>
      {!enabled && <p className="muted">{t('meetings.decisions.notYet')}</p>}
      <ProblemAlert error={decisions.error} failed={t('meetings.decisions.loadError')} />
      {enabled && decisions.data?.length === 0 && <p className="muted">{t('meetings.decisions.empty')}</p>}
      {decisions.data && decisions.data.length > 0 && (
        <ul className="meetings-decisions">
          {decisions.data.map((d) => (
            <li key={d.id} className={`meetings-decision-card${d.type === 'closure' ? ' closure' : ''}`}>
              <p className="meetings-decision-head">
                <span className="meetings-decision-type">{d.type_label}</span>
                <Link to={`/cases/${d.case_id}`}>{caseTitle(d)}</Link>
                <span className={`meetings-delivery ${d.delivery_state}`}>
                  {t(`meetings.delivery.${d.delivery_state}`)}
                </span>
              </p>
              <p className="meetings-text">{d.text}</p>
              {d.actions.length > 0 && (
                <ul className="meetings-action-list">
                  {(d.actions as ActionRow[]).map((a, i) => (
                    <li key={i}>
                      {a.text}（{t('meetings.decisions.owner', { owner: owner(a) })}
                      {a.due_date ? t('meetings.decisions.due', { date: a.due_date }) : ''}）
                    </li>
                  ))}
                </ul>
              )}
              <div className="meetings-decision-id">
                <span>{d.type === 'closure' ? t('meetings.decisions.closureId') : t('meetings.decisions.id')}</span>
                <code>{d.id}</code>
                <CopyButton text={d.id} label={t('meetings.decisions.copy')} />
              </div>
              {d.type === 'closure' && <p className="hint">{t('meetings.decisions.closureHint')}</p>}
              {d.delivery_state === 'failed' && <p className="meetings-warn">{t('meetings.decisions.failedHint')}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
