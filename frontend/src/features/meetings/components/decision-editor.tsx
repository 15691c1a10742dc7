import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '@/shared/ui/date-fields';
import type { useInlineValidation } from '@/shared/ui/form-validation';
import { DESK_STAFF_ROLES } from '@/shared/users/search';
import { StaffPicker } from '@/shared/users/staff-picker';
import { useAgencies } from '../api/get-agencies';
import { decisionTypes, type DecisionType, type OwnerKind } from '../api/types';
import { emptyAction, type DraftAction, type DraftDecision } from '../utils/draft';

type Props = {
  decision: DraftDecision;
  number: number;
  /** The surrounding form's inline validation: its messages go under these fields. */
  validation: ReturnType<typeof useInlineValidation>;
  onChange: (decision: DraftDecision) => void;
  onRemove: () => void;
};

/**
 * One decision (決定事項) with its actions: text, owner (a member of staff chosen by name, stored as
 * the username meeting-api takes, or an agency) and due date.
 */
export function DecisionEditor({ decision, number, validation: v, onChange, onRemove }: Props) {
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
          {...v.aria(`${id}-text`)}
        />
        {v.errorText(`${id}-text`)}
      </div>
      {decision.actions.map((action, i) => {
        const base = `${id}-${action.key}`;
        return (
          <fieldset key={action.key} className="meetings-action">
            <legend>{t('meetings.minutes.actionN', { n: i + 1 })}</legend>
            <div className="field">
              <label htmlFor={`${base}-text`}>{t('meetings.minutes.actionText')}</label>
              <input
                id={`${base}-text`}
                required
                maxLength={500}
                value={action.text}
                onChange={(e) => setAction(action.key, { text: e.target.value })}
                {...v.aria(`${base}-text`)}
              />
              {v.errorText(`${base}-text`)}
            </div>
            <div className="meetings-row">
              <div className="field">
                <label htmlFor={`${base}-kind`}>{t('meetings.minutes.ownerKind')}</label>
                <select
                  id={`${base}-kind`}
                  value={action.owner_kind}
                  onChange={(e) => setAction(action.key, { owner_kind: e.target.value as OwnerKind, owner: '' })}
                >
                  <option value="staff">{t('meetings.ownerKind.staff')}</option>
                  <option value="agency">{t('meetings.ownerKind.agency')}</option>
                </select>
              </div>
              <div className="field">
                {action.owner_kind === 'staff' ? (
                  <StaffPicker
                    id={`${base}-owner`}
                    label={t('meetings.minutes.owner')}
                    required
                    roles={DESK_STAFF_ROLES}
                    value={action.owner}
                    onChange={(owner) => setAction(action.key, { owner })}
                    invalid={Boolean(v.message(`${base}-owner`))}
                    describedBy={v.message(`${base}-owner`) ? `${base}-owner-error` : undefined}
                  />
                ) : (
                  <>
                    <label htmlFor={`${base}-owner`}>{t('meetings.minutes.owner')}</label>
                    {agencies.data ? (
                      <select
                        id={`${base}-owner`}
                        required
                        value={action.owner}
                        onChange={(e) => setAction(action.key, { owner: e.target.value })}
                        {...v.aria(`${base}-owner`)}
                      >
                        <option value="">{t('meetings.minutes.chooseAgency')}</option>
                        {agencies.data.map((a) => (
                          <option key={a.id} value={a.id}>
                            {a.name}
                          </option>
                        ))}
                      </select>
                    ) : (
                      // The agency list did not load: the agency's id typed in, as meeting-api takes it.
                      <input
                        id={`${base}-owner`}
                        required
                        spellCheck={false}
                        autoComplete="off"
                        value={action.owner}
                        onChange={(e) => setAction(action.key, { owner: e.target.value })}
                        {...v.aria(`${base}-owner`)}
                      />
                    )}
                  </>
                )}
                {v.errorText(`${base}-owner`)}
              </div>
              <div className="field">
                <label id={`${base}-due-label`} htmlFor={`${base}-due`}>
                  {t('meetings.minutes.dueDate')}
                </label>
                <DateField
                  id={`${base}-due`}
                  clearable
                  value={action.due_date}
                  onChange={(due_date) => setAction(action.key, { due_date })}
                  error={v.message(`${base}-due`)}
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
        );
      })}
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
