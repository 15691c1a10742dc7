import { useTranslation } from 'react-i18next';
import { useStaffNames } from '@/shared/users/names';
import { useAgencies } from '../api/get-agencies';
import { useDecisions } from '../api/minutes';
import type { AgendaItem, Meeting, Minutes } from '../api/types';
import { startLabelJa } from '../utils/tokyo';

type Props = { meeting: Meeting; minutes: Minutes; agenda: AgendaItem[]; headingLevel?: 2 | 3 };
type ActionRow = { text?: string; owner_kind?: string; owner?: string; due_date?: string | null };

/** The minutes as a document: attendance, each agenda item's discussion and decisions, amendments. */
export function MinutesDocument({ meeting, minutes, agenda, headingLevel = 3 }: Props) {
  const { t } = useTranslation();
  const agencies = useAgencies();
  // Decisions added by amendments live only in the decisions list.
  const amended = minutes.amendments.some((a) => a.decision_ids.length > 0);
  const decisions = useDecisions(meeting.id, amended);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const agencyName = (agencyId: string) => agencies.data?.find((a) => a.id === agencyId)?.name ?? agencyId;
  const staffName = useStaffNames([
    ...minutes.attendees,
    ...minutes.items.flatMap((e) => e.decisions.flatMap((d) => d.actions.map((a) => a.owner))),
    ...minutes.amendments.map((a) => a.added_by),
    ...(decisions.data ?? []).flatMap((d) => (d.actions as ActionRow[]).map((a) => a.owner)),
  ]);
  const titleOf = (itemId: string) => agenda.find((a) => a.id === itemId);
  const numberOf = (itemId: string) => agenda.findIndex((a) => a.id === itemId) + 1;

  return (
    <div className="meetings-document">
      <H>{t('meetings.minutes.attendance')}</H>
      <p>
        {minutes.attendees.length > 0 ? minutes.attendees.map(staffName).join('、') : t('meetings.page.none')}
        {minutes.agency_attendees.length > 0 && (
          <>
            <br />
            {t('meetings.minutes.agencyAttendees')}：{minutes.agency_attendees.map((a) => a.name).join('、')}
          </>
        )}
      </p>

      {minutes.items.length === 0 && <p className="muted">{t('meetings.minutes.nothingWritten')}</p>}
      {minutes.items.map((entry) => {
        const item = titleOf(entry.agenda_item_id);
        return (
          <section key={entry.agenda_item_id} className="meetings-document-item">
            <H>
              {item ? t('meetings.agenda.itemNumber', { n: numberOf(item.id) }) : ''}
              {item?.case_title ?? entry.agenda_item_id}
            </H>
            <p className="meetings-document-label">{t('meetings.minutes.discussion')}</p>
            <p className="meetings-text">{entry.discussion ?? t('meetings.page.none')}</p>
            {entry.decisions.map((d, i) => (
              <div key={d.id ?? i} className="meetings-document-decision">
                <p>
                  <span className="meetings-decision-type">{d.type_label}</span> {d.text}
                </p>
                {d.actions.length > 0 && (
                  <table className="meetings-actions-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('meetings.minutes.actionText')}</th>
                        <th scope="col">{t('meetings.minutes.owner')}</th>
                        <th scope="col">{t('meetings.minutes.dueDate')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.actions.map((a, j) => (
                        <tr key={j}>
                          <td>{a.text}</td>
                          <td>
                            {a.owner_kind === 'agency' ? agencyName(a.owner) : staffName(a.owner)}
                            <span className="muted">（{t(`meetings.ownerKind.${a.owner_kind}`)}）</span>
                          </td>
                          <td className="nowrap">{a.due_date ?? '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </div>
            ))}
          </section>
        );
      })}

      {minutes.general_note && (
        <>
          <H>{t('meetings.minutes.generalNote')}</H>
          <p className="meetings-text">{minutes.general_note}</p>
        </>
      )}

      {minutes.amendments.length > 0 && (
        <section className="meetings-document-amendments">
          <H>{t('meetings.amend.list')}</H>
          <ol>
            {minutes.amendments.map((a) => (
              <li key={a.id}>
                <p className="meetings-text">{a.text}</p>
                <p className="hint">
                  {t('meetings.amend.meta', { reason: a.reason, by: staffName(a.added_by), when: startLabelJa(a.added_at) })}
                  {a.decision_ids.length > 0 && t('meetings.amend.withDecisions', { count: a.decision_ids.length })}
                </p>
                {decisions.data
                  ?.filter((d) => a.decision_ids.includes(d.id))
                  .map((d) => (
                    <div key={d.id} className="meetings-document-decision">
                      <p>
                        <span className="meetings-decision-type">{d.type_label}</span>{' '}
                        {titleOf(d.agenda_item_id)?.case_title}：{d.text}
                      </p>
                      {d.actions.length > 0 && (
                        <ul className="meetings-action-list">
                          {(d.actions as ActionRow[]).map((x, j) => (
                            <li key={j}>
                              {x.text}（{x.owner_kind === 'agency' ? agencyName(x.owner ?? '') : staffName(x.owner)}
                              {x.due_date ? `、${x.due_date}` : ''}）
                            </li>
                          ))}
                        </ul>
                      )}
                    </div>
                  ))}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
