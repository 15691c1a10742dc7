import { useTranslation } from 'react-i18next';
import { StaffName } from '@/shared/users/staff-name';
import { useStaffNames } from '@/shared/users/names';
import { AreaName } from '@/shared/users/area-name';
import { useMaterial } from '../api/agenda';
import { startLabelJa } from '../utils/tokyo';
import { ProblemAlert } from './problem-alert';

type Snapshot = {
  title?: string;
  area?: string;
  status?: string;
  lead_username?: string | null;
  risk_flags?: string[];
};
type Advice = {
  recommended?: { body_label?: string; reason?: string };
  override?: { reason?: string } | null;
  effective_body_label?: string;
} | null;

/** The case summary given to the meeting when the case was put on its agenda (a snapshot). */
export function MaterialView({ meetingId, itemId, confidential }: { meetingId: string; itemId: string; confidential: boolean }) {
  const { t } = useTranslation();
  const material = useMaterial(meetingId, itemId, true);
  const staffName = useStaffNames([material.data?.captured_by]);
  if (material.isPending) return <p>{t('app.loading')}</p>;
  if (material.isError) return <ProblemAlert error={material.error} failed={t('meetings.material.loadError')} />;
  const m = material.data;
  const snap = m.case as Snapshot;
  const advice = m.recommendation as Advice;
  return (
    <div className="meetings-material" role="region" aria-label={t('meetings.material.title')}>
      {confidential && <p className="meetings-confidential-note">{t('meetings.material.confidential')}</p>}
      <p className="hint">{t('meetings.material.captured', { when: startLabelJa(m.captured_at), by: staffName(m.captured_by) })}</p>
      <dl className="meetings-facts compact">
        <dt>{t('meetings.material.caseTitle')}</dt>
        <dd>{snap.title}</dd>
        <dt>{t('meetings.material.area')}</dt>
        <dd>
          <AreaName code={snap.area} />
        </dd>
        <dt>{t('meetings.material.status')}</dt>
        <dd>{snap.status ? t(`meetings.caseStatus.${snap.status}` as 'meetings.caseStatus.intake', { defaultValue: snap.status }) : '—'}</dd>
        <dt>{t('meetings.material.lead')}</dt>
        <dd>
          <StaffName username={snap.lead_username} />
        </dd>
        <dt>{t('meetings.material.risks')}</dt>
        <dd>
          {snap.risk_flags && snap.risk_flags.length > 0
            ? snap.risk_flags.map((f) => t(`meetings.riskFlag.${f}` as 'meetings.riskFlag.violence', { defaultValue: f })).join('・')
            : t('meetings.material.noRisks')}
        </dd>
        <dt>{t('meetings.agenda.consent')}</dt>
        <dd>{t(`meetings.consent.${m.consent_status}` as 'meetings.consent.given', { defaultValue: m.consent_status })}</dd>
        {advice?.recommended && (
          <>
            <dt>{t('meetings.agenda.recommended')}</dt>
            <dd>
              {advice.recommended.body_label}
              {advice.recommended.reason && <span className="meetings-reason">{t('meetings.agenda.because', { reason: advice.recommended.reason })}</span>}
            </dd>
          </>
        )}
        {advice?.override && (
          <>
            <dt>{t('meetings.agenda.effective')}</dt>
            <dd>
              {advice.effective_body_label}
              {advice.override.reason && <span className="meetings-reason">{t('meetings.agenda.because', { reason: advice.override.reason })}</span>}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
