import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/shared/utils/datetime';
import { StaffName } from '@/shared/users/staff-name';
import { usePlan, usePlanVersion, usePlanVersions } from '../api/get-plan';
import { useSetActionStatus } from '../api/write-plan';
import { CaseSection } from './case-section';
import { PlanEditor } from './plan-editor';
import { PlanView } from './plan-view';
import { ProblemAlert, SectionError } from './problem-alert';
import type { SectionProps } from './section-props';

/** 支援プラン: the current version, its editor (再プラン makes a new version) and earlier versions. */
export function PlanSection({ caseId, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const plan = usePlan(caseId);
  const versions = usePlanVersions(caseId);
  const setStatus = useSetActionStatus(caseId);
  const [editing, setEditing] = useState(false);
  const [shown, setShown] = useState<number | null>(null);
  const older = usePlanVersion(caseId, shown);
  const current = plan.data ?? null;

  const reload = () => {
    setStatus.reset();
    void plan.refetch();
    void versions.refetch();
  };

  return (
    <CaseSection
      id="cases-plan"
      title={t('cases.sections.plan')}
      actions={
        !editing &&
        !readOnly &&
        plan.isSuccess && (
          <button type="button" className="button primary no-print" onClick={() => setEditing(true)}>
            {current ? t('cases.plan.edit') : t('cases.plan.create')}
          </button>
        )
      }
    >
      {plan.isPending && <p className="muted">{t('app.loading')}</p>}
      {plan.isError && <SectionError error={plan.error} failed={t('cases.plan.loadError')} />}
      {editing && (
        <PlanEditor
          caseId={caseId}
          plan={current}
          onDone={() => setEditing(false)}
          onReload={() => {
            setEditing(false);
            reload();
          }}
        />
      )}
      {!editing && plan.isSuccess && !current && <p className="empty">{t('cases.plan.empty')}</p>}
      {!editing && current && (
        <>
          <ProblemAlert error={setStatus.error} onReload={reload} failed={t('cases.plan.actionFailed')} />
          <PlanView
            plan={current}
            actionTools={readOnly ? undefined : (a) =>
              a.status === 'open' ? (
                <button
                  type="button"
                  className="button"
                  aria-label={`${t('cases.plan.markDone')}：${a.text}`}
                  disabled={setStatus.isPending}
                  onClick={() => setStatus.mutate({ etag: current.etag, actionId: a.id, status: 'done' })}
                >
                  {t('cases.plan.markDone')}
                </button>
              ) : (
                <button
                  type="button"
                  className="button"
                  aria-label={`${t('cases.plan.reopen')}：${a.text}`}
                  disabled={setStatus.isPending}
                  onClick={() => setStatus.mutate({ etag: current.etag, actionId: a.id, status: 'open' })}
                >
                  {t('cases.plan.reopen')}
                </button>
              )
            }
          />
        </>
      )}

      {versions.data && versions.data.length > 0 && (
        <div className="no-print">
          <h3 className="cases-subhead">{t('cases.plan.versions')}</h3>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('cases.plan.version')}</th>
                  <th scope="col">{t('cases.plan.writtenAt')}</th>
                  <th scope="col">{t('cases.plan.writer')}</th>
                  <th scope="col">{t('cases.plan.state')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('cases.plan.operations')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {versions.data.map((v) => (
                  <tr key={v.id}>
                    <td>{t('cases.plan.versionLabel', { version: v.version })}</td>
                    <td className="nowrap">{formatDateTime(v.created_at)}</td>
                    <td>
                      <StaffName username={v.created_by} />
                    </td>
                    <td>{v.status === 'current' ? t('cases.plan.current') : t('cases.plan.superseded')}</td>
                    <td>
                      {v.status === 'superseded' && (
                        <button
                          type="button"
                          className="button"
                          aria-expanded={shown === v.version}
                          onClick={() => setShown(shown === v.version ? null : v.version)}
                        >
                          {shown === v.version
                            ? t('cases.plan.hideVersion')
                            : t('cases.plan.showVersion', { version: v.version })}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {shown !== null && older.data && (
            <div className="cases-older" aria-label={t('cases.plan.versionLabel', { version: shown })}>
              <PlanView plan={older.data} />
            </div>
          )}
        </div>
      )}
    </CaseSection>
  );
}
