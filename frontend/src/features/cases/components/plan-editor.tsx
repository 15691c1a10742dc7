import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/shared/auth/current-user';
import { DateField } from '@/shared/ui/date-fields';
import { useInlineValidation } from '@/shared/ui/form-validation';
import { DESK_STAFF_ROLES } from '@/shared/users/search';
import { StaffPicker } from '@/shared/users/staff-picker';
import { useAgencyChoices } from '../api/get-agencies';
import { useWritePlan } from '../api/write-plan';
import type { ActionStatus, OwnerKind, Plan } from '../api/types';
import { ProblemAlert } from './problem-alert';

type GoalRow = { key: number; text: string };
type ActionRow = {
  key: number;
  id: string | null;
  text: string;
  ownerKind: OwnerKind;
  owner: string;
  due: string;
  status: ActionStatus;
};

type Props = { caseId: string; plan: Plan | null; onDone: () => void; onReload: () => void };

/** Writes the whole plan: the first time version 1, then each save a new version (再プラン). */
export function PlanEditor({ caseId, plan, onDone, onReload }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const agencies = useAgencyChoices();
  const nextKey = useRef(1000);
  const [goals, setGoals] = useState<GoalRow[]>(() =>
    plan && plan.goals.length > 0 ? plan.goals.map((g, i) => ({ key: i, text: g.text })) : [{ key: 0, text: '' }],
  );
  const [actions, setActions] = useState<ActionRow[]>(() =>
    (plan?.actions ?? []).map((a, i) => ({
      key: i,
      id: a.id,
      text: a.text,
      ownerKind: a.owner_kind,
      owner: a.owner,
      due: a.due_date ?? '',
      status: a.status,
    })),
  );
  const [reviewDate, setReviewDate] = useState(plan?.review_date ?? '');
  const [note, setNote] = useState(plan?.note ?? '');
  const write = useWritePlan(caseId, { onSuccess: onDone });
  const v = useInlineValidation();

  const changeAction = (key: number, patch: Partial<ActionRow>) =>
    setActions((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  function addAction() {
    setActions((rows) => [
      ...rows,
      {
        key: nextKey.current++,
        id: null,
        text: '',
        ownerKind: 'staff',
        owner: me.data?.username ?? '',
        due: '',
        status: 'open',
      },
    ]);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!v.validate()) return;
    write.mutate({
      etag: plan?.etag ?? null,
      body: {
        goals: goals.filter((g) => g.text.trim()).map((g) => ({ text: g.text.trim() })),
        review_date: reviewDate || null,
        note: note.trim() || null,
        actions: actions.map((a) => ({
          id: a.id,
          text: a.text.trim(),
          owner_kind: a.ownerKind,
          owner: a.owner.trim(),
          due_date: a.due || null,
          status: a.status,
        })),
      },
    });
  }

  const fieldLabel = (loc: (string | number)[]): string | null => {
    const path = loc.filter((p) => p !== 'body');
    if (path[0] === 'actions' && typeof path[1] === 'number') return t('cases.plan.actionN', { n: path[1] + 1 });
    if (path[0] === 'goals' && typeof path[1] === 'number') return t('cases.plan.goalN', { n: path[1] + 1 });
    return null;
  };

  return (
    <form
      ref={v.formRef}
      className="form cases-form cases-plan-editor"
      onSubmit={handleSubmit}
      aria-label={t('cases.plan.editorTitle')}
      noValidate
    >
      <p className="hint">{plan ? t('cases.plan.replanHint', { version: plan.version + 1 }) : t('cases.plan.firstHint')}</p>
      <ProblemAlert error={write.error} onReload={onReload} failed={t('cases.plan.failed')} fieldLabel={fieldLabel} />
      {v.summary}

      <fieldset>
        <legend>{t('cases.plan.goals')}</legend>
        {goals.map((g, i) => (
          <div key={g.key} className="cases-inline-row">
            <div className="field">
              <label htmlFor={`cases-goal-${g.key}`}>{t('cases.plan.goalN', { n: i + 1 })}</label>
              <input
                id={`cases-goal-${g.key}`}
                maxLength={500}
                value={g.text}
                onChange={(e) =>
                  setGoals((rows) => rows.map((r) => (r.key === g.key ? { ...r, text: e.target.value } : r)))
                }
              />
            </div>
            {goals.length > 1 && (
              <button
                type="button"
                className="button"
                onClick={() => setGoals((rows) => rows.filter((r) => r.key !== g.key))}
              >
                {t('cases.plan.removeGoal', { n: i + 1 })}
              </button>
            )}
          </div>
        ))}
        <button
          type="button"
          className="button"
          onClick={() => setGoals((rows) => [...rows, { key: nextKey.current++, text: '' }])}
        >
          {t('cases.plan.addGoal')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('cases.plan.actions')}</legend>
        {actions.length === 0 && <p className="muted">{t('cases.plan.noActions')}</p>}
        {actions.map((a, i) => {
          const base = `cases-action-${a.key}`;
          return (
            <fieldset key={a.key} className="cases-member">
              <legend>{t('cases.plan.actionN', { n: i + 1 })}</legend>
              <div className="field">
                <label htmlFor={`${base}-text`}>{t('cases.plan.actionText')}</label>
                <input
                  id={`${base}-text`}
                  required
                  maxLength={500}
                  value={a.text}
                  onChange={(e) => changeAction(a.key, { text: e.target.value })}
                  {...v.aria(`${base}-text`)}
                />
                {v.errorText(`${base}-text`)}
              </div>
              <div className="cases-row">
                <div className="field">
                  <label htmlFor={`${base}-kind`}>{t('cases.plan.ownerKind')}</label>
                  <select
                    id={`${base}-kind`}
                    value={a.ownerKind}
                    onChange={(e) => {
                      const ownerKind = e.target.value as OwnerKind;
                      changeAction(a.key, {
                        ownerKind,
                        owner: ownerKind === 'staff' ? (me.data?.username ?? '') : '',
                      });
                    }}
                  >
                    <option value="staff">{t('cases.ownerKind.staff')}</option>
                    <option value="agency">{t('cases.ownerKind.agency')}</option>
                  </select>
                </div>
                <div className="field">
                  {a.ownerKind === 'agency' ? (
                    <>
                      <label htmlFor={`${base}-owner`}>{t('cases.plan.owner')}</label>
                      <select
                        id={`${base}-owner`}
                        required
                        value={a.owner}
                        onChange={(e) => changeAction(a.key, { owner: e.target.value })}
                        {...v.aria(`${base}-owner`)}
                      >
                        <option value="">{t('cases.choose')}</option>
                        {agencies.data?.map((ag) => (
                          <option key={ag.id} value={ag.id}>
                            {ag.name}
                          </option>
                        ))}
                      </select>
                      {v.errorText(`${base}-owner`)}
                    </>
                  ) : (
                    <StaffPicker
                      id={`${base}-owner`}
                      label={t('cases.plan.owner')}
                      required
                      roles={DESK_STAFF_ROLES}
                      value={a.owner}
                      onChange={(owner) => changeAction(a.key, { owner })}
                      invalid={Boolean(v.message(`${base}-owner`))}
                      describedBy={v.message(`${base}-owner`) ? `${base}-owner-error` : undefined}
                    />
                  )}
                  {a.ownerKind !== 'agency' && v.errorText(`${base}-owner`)}
                </div>
                <div className="field">
                  <label id={`${base}-due-label`} htmlFor={`${base}-due`}>
                    {t('cases.plan.due')}
                  </label>
                  <DateField
                    id={`${base}-due`}
                    clearable
                    value={a.due}
                    onChange={(due) => changeAction(a.key, { due })}
                    error={v.message(`${base}-due`)}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${base}-status`}>{t('cases.plan.actionStatus')}</label>
                  <select
                    id={`${base}-status`}
                    value={a.status}
                    onChange={(e) => changeAction(a.key, { status: e.target.value as ActionStatus })}
                  >
                    <option value="open">{t('cases.actionStatus.open')}</option>
                    <option value="done">{t('cases.actionStatus.done')}</option>
                    <option value="dropped">{t('cases.actionStatus.dropped')}</option>
                  </select>
                </div>
              </div>
              <button
                type="button"
                className="button"
                onClick={() => setActions((rows) => rows.filter((r) => r.key !== a.key))}
              >
                {t('cases.plan.removeAction', { n: i + 1 })}
              </button>
            </fieldset>
          );
        })}
        <button type="button" className="button" onClick={addAction}>
          {t('cases.plan.addAction')}
        </button>
      </fieldset>

      <div className="cases-row">
        <div className="field">
          <label id="cases-plan-review-label" htmlFor="cases-plan-review">
            {t('cases.plan.reviewDate')}
          </label>
          <DateField
            id="cases-plan-review"
            clearable
            value={reviewDate}
            onChange={setReviewDate}
            error={v.message('cases-plan-review')}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor="cases-plan-note">{t('cases.plan.note')}</label>
        <textarea
          id="cases-plan-note"
          rows={3}
          maxLength={4000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={write.isPending}>
          {plan ? t('cases.plan.saveReplan') : t('cases.plan.saveFirst')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('cases.cancel')}
        </button>
      </div>
    </form>
  );
}
