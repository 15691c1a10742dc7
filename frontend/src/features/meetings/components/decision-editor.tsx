import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencies } from '../api/get-agencies';
import { decisionTypes, type DecisionType, type OwnerKind } from '../api/types';
import { emptyAction, type DraftAction, type DraftDecision } from '../utils/draft';

type Props = {
  decision: DraftDecision;
  number: number;
  /** Usernames to suggest for a staff owner (the meeting's participants). */
  staff: string[];
  onChange: (decision: DraftDecision) => void;
  onRemove: () => void;
};

/** One decision (決定事項) with its actions: text, owner (staff or agency) and due date. */
export function DecisionEditor({ decision, number, staff, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const agencies = useAgencies();
  const setAction = (key: string, patch: Partial<DraftAction>) =>
    onChange({ ...decision, actions: decision.actions.map((a) => (a.key === key ? { ...a, ...patch } : a)) });

  return (
    <fieldset className="meetings-decision">
      <legend>{t('meetings.minutes.decisionN', { n: number })}</legend>
      <div className="meetings-row">
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('meetings.minutes.decisionType')}</label>
          <select
            id={`${id}-type`}
            value={decision.type}
            onChange={(e) => onChange({ ...decision, type: e.target.value as DecisionType })}
          >
            {decisionTypes.map((type) => (
              <option key={type} value={type}>
                {t(`meetings.decisionType.${type}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {decision.type === 'closure' && <p className="hint">{t('meetings.minutes.closureHint')}</p>}
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('meetings.minutes.decisionText')}</label>
        <textarea
          id={`${id}-text`}
          rows={2}
          required
          maxLength={4000}
          value={decision.text}
          onChange={(e) => onChange({ ...decision, text: e.target.value })}
        />
      </div>
      <datalist id={`${id}-staff`}>
        {staff.map((u) => (
          <option key={u} value={u} />
        ))}
      </datalist>
      {decision.actions.map((action, i) => (
        <fieldset key={action.key} className="meetings-action">
          <legend>{t('meetings.minutes.actionN', { n: i + 1 })}</legend>
          <div className="field">
            <label htmlFor={`${id}-${action.key}-text`}>{t('meetings.minutes.actionText')}</label>
            <input
              id={`${id}-${action.key}-text`}
              required
              maxLength={500}
              value={action.text}
              onChange={(e) => setAction(action.key, { text: e.target.value })}
            />
          </div>
          <div className="meetings-row">
            <div className="field">
              <label htmlFor={`${id}-${action.key}-kind`}>{t('meetings.minutes.ownerKind')}</label>
              <select
                id={`${id}-${action.key}-kind`}
                value={action.owner_kind}
                onChange={(e) => setAction(action.key, { owner_kind: e.target.value as OwnerKind, owner: '' })}
              >
                <option value="staff">{t('meetings.ownerKind.staff')}</option>
                <option value="agency">{t('meetings.ownerKind.agency')}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-${action.key}-owner`}>{t('meetings.minutes.owner')}</label>
              {action.owner_kind === 'agency' && agencies.data ? (
                <select
                  id={`${id}-${action.key}-owner`}
                  required
                  value={action.owner}
                  onChange={(e) => setAction(action.key, { owner: e.target.value })}
                >
                  <option value="">{t('meetings.minutes.chooseAgency')}</option>
                  {agencies.data.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={`${id}-${action.key}-owner`}
                  required
                  spellCheck={false}
                  autoComplete="off"
                  list={action.owner_kind === 'staff' ? `${id}-staff` : undefined}
                  placeholder={action.owner_kind === 'staff' ? t('meetings.minutes.ownerStaffPlaceholder') : undefined}
                  value={action.owner}
                  onChange={(e) => setAction(action.key, { owner: e.target.value })}
                />
              )}
            </div>
            <div className="field">
              <label htmlFor={`${id}-${action.key}-due`}>{t('meetings.minutes.dueDate')}</label>
              <input
                id={`${id}-${action.key}-due`}
                type="date"
                value={action.due_date}
                onChange={(e) => setAction(action.key, { due_date: e.target.value })}
              />
            </div>
          </div>
          <button
            type="button"
            className="meetings-link-button"
            onClick={() => onChange({ ...decision, actions: decision.actions.filter((a) => a.key !== action.key) })}
          >
            {t('meetings.minutes.removeAction', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => onChange({ ...decision, actions: [...decision.actions, emptyAction()] })}
        >
          {t('meetings.minutes.addAction')}
        </button>
        <button type="button" className="button" onClick={onRemove}>
          {t('meetings.minutes.removeDecision', { n: number })}
        </button>
      </div>
    </fieldset>
  );
}
