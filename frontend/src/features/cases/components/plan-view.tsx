import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/shared/utils/datetime';
import { useStaffNames } from '@/shared/users/names';
import { useAgencyChoices } from '../api/get-agencies';
import type { Plan, PlanAction } from '../api/types';
import { formatDate, formatWarekiDate, todayInTokyo } from '../utils/dates';

/** An action's owner as people read it: the staff member's or the agency's name. */
export function useOwnerName(actions: readonly Pick<PlanAction, 'owner_kind' | 'owner'>[] = []) {
  const agencies = useAgencyChoices();
  const staffName = useStaffNames(actions.filter((a) => a.owner_kind === 'staff').map((a) => a.owner));
  return (action: Pick<PlanAction, 'owner_kind' | 'owner'>) =>
    action.owner_kind === 'agency'
      ? (agencies.data?.find((a) => a.id === action.owner)?.name ?? action.owner)
      : staffName(action.owner);
}

type Props = {
  plan: Plan;
  /** Buttons per action (the current version only). */
  actionTools?: (action: PlanAction) => React.ReactNode;
};

/** A plan version, read-only: goals, review date, note and the actions with owners and due dates. */
export function PlanView({ plan, actionTools }: Props) {
  const { t } = useTranslation();
  const ownerName = useOwnerName(plan.actions);
  const staffName = useStaffNames([plan.created_by]);
  const today = todayInTokyo();

  return (
    <div className="cases-plan">
      <p className="cases-plan-meta">
        <span className="badge cases-kind">{t('cases.plan.versionLabel', { version: plan.version })}</span>
        {plan.status === 'superseded' && <span className="tag">{t('cases.plan.superseded')}</span>}
        <span className="muted">
          {t('cases.plan.writtenBy', { by: staffName(plan.created_by), at: formatDateTime(plan.created_at) })}
        </span>
      </p>
      <dl className="cases-dl">
        <dt>{t('cases.plan.reviewDate')}</dt>
        <dd>
          {plan.review_date ? (
            <>
              {formatDate(plan.review_date)}
              <span className="muted">（{formatWarekiDate(plan.review_date)}）</span>
            </>
          ) : (
            <span className="muted">{t('cases.none')}</span>
          )}
        </dd>
      </dl>
      <h3 className="cases-plan-heading">{t('cases.plan.goals')}</h3>
      {plan.goals.length === 0 ? (
        <p className="muted">{t('cases.none')}</p>
      ) : (
        <ol className="cases-goals">
          {plan.goals.map((g, i) => (
            <li key={i}>{g.text}</li>
          ))}
        </ol>
      )}
      {plan.note && (
        <>
          <h3 className="cases-plan-heading">{t('cases.plan.note')}</h3>
          <p className="cases-record-text">{plan.note}</p>
        </>
      )}
      <h3 className="cases-plan-heading">{t('cases.plan.actions')}</h3>
      {plan.actions.length === 0 ? (
        <p className="muted">{t('cases.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="cases-actions-table">
            <thead>
              <tr>
                <th scope="col">{t('cases.plan.actionText')}</th>
                <th scope="col">{t('cases.plan.owner')}</th>
                <th scope="col">{t('cases.plan.due')}</th>
                <th scope="col">{t('cases.plan.actionStatus')}</th>
                {actionTools && (
                  <th scope="col" className="no-print">
                    <span className="visually-hidden">{t('cases.plan.operations')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {plan.actions.map((a) => {
                const overdue = a.status === 'open' && a.due_date !== null && a.due_date < today;
                return (
                  <tr key={a.id}>
                    <td>
                      {a.text}
                      {a.source === 'meeting' && <span className="tag">{t('cases.plan.fromMeeting')}</span>}
                    </td>
                    <td>
                      {ownerName(a)}
                      <span className="wareki">{t(`cases.ownerKind.${a.owner_kind}`)}</span>
                    </td>
                    <td className={overdue ? 'nowrap cases-overdue' : 'nowrap'}>
                      {a.due_date ? formatDate(a.due_date) : '—'}
                      {overdue && <span className="badge cases-overdue-badge">{t('cases.overdue')}</span>}
                    </td>
                    <td className="nowrap">{t(`cases.actionStatus.${a.status}`)}</td>
                    {actionTools && <td className="no-print">{actionTools(a)}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
