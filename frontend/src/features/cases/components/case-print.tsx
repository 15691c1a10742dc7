import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime, formatWareki } from '@/shared/utils/datetime';
import { StaffName } from '@/shared/users/staff-name';
import { useAreas } from '../api/get-areas';
import { useCase } from '../api/get-case';
import { useHousehold } from '../api/get-household';
import { usePlan } from '../api/get-plan';
import { useRecords } from '../api/get-records';
import { useRecommendation } from '../api/recommendation';
import { BodyName, ConsentBadge, RiskBadges, StatusBadge } from './case-badges';
import { MembersTable } from './household-section';
import { PlanView } from './plan-view';
import { isNotFound, ProblemAlert } from './problem-alert';
import { groupTimeline } from './records-section';

const RECENT_RECORDS = 10;

/** The case summary on A4: summary, household, current plan and recent records; no navigation. */
export function CasePrint({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const current = useCase(caseId);
  const household = useHousehold(current.data?.case.household_id ?? null);
  const plan = usePlan(caseId);
  const records = useRecords(caseId, RECENT_RECORDS);
  const recommendation = useRecommendation(caseId);
  const areas = useAreas();

  useEffect(() => {
    document.body.classList.add('cases-print-body');
    return () => document.body.classList.remove('cases-print-body');
  }, []);

  if (current.isPending) return <p className="cases-print">{t('app.loading')}</p>;
  if (current.isError) {
    return (
      <main className="cases-print">
        {isNotFound(current.error) ? (
          <p role="alert" className="alert">
            {t('cases.page.notFound')}
          </p>
        ) : (
          <ProblemAlert error={current.error} failed={t('cases.page.loadError')} />
        )}
      </main>
    );
  }

  const kase = current.data.case;
  const areaName = areas.data?.find((a) => a.code === kase.area)?.name ?? kase.area;
  const printedAt = new Date().toISOString();
  const timeline = records.data ? groupTimeline(records.data.items) : [];

  return (
    <main className="cases-print">
      <div className="cases-print-tools no-print">
        <Link to={`/cases/${caseId}`} className="button">
          {t('cases.print.back')}
        </Link>
        <button type="button" className="button primary" onClick={() => window.print()}>
          {t('cases.print.print')}
        </button>
      </div>

      <header className="cases-print-head">
        <p className="cases-print-doc">{t('cases.print.docTitle')}</p>
        <h1>{kase.title}</h1>
        <p className="cases-print-meta">
          {t('cases.print.printedAt', { at: formatDateTime(printedAt), wareki: formatWareki(printedAt) })}
        </p>
      </header>

      <section aria-labelledby="cases-print-summary">
        <h2 id="cases-print-summary">{t('cases.sections.summary')}</h2>
        <table className="cases-print-grid">
          <tbody>
            <tr>
              <th scope="row">{t('cases.fields.status')}</th>
              <td>
                <StatusBadge status={kase.status} />
              </td>
              <th scope="row">{t('cases.fields.area')}</th>
              <td>{areaName}</td>
            </tr>
            <tr>
              <th scope="row">{t('cases.fields.lead')}</th>
              <td>
                <StaffName username={kase.lead_username} />
              </td>
              <th scope="row">{t('cases.fields.openedAt')}</th>
              <td>
                {formatDateTime(kase.opened_at)}（{formatWareki(kase.opened_at)}）
              </td>
            </tr>
            <tr>
              <th scope="row">{t('cases.fields.consent')}</th>
              <td>
                <ConsentBadge status={kase.consent_status} />
              </td>
              <th scope="row">{t('cases.fields.risk')}</th>
              <td>
                <RiskBadges flags={kase.risk_flags} />
              </td>
            </tr>
            <tr>
              <th scope="row">{t('cases.fields.body')}</th>
              <td colSpan={3}>
                <BodyName body={kase.effective_body} />
                {recommendation.data && (
                  <span className="cases-print-reason">
                    {recommendation.data.override
                      ? recommendation.data.override.reason
                      : recommendation.data.recommended.reason}
                  </span>
                )}
              </td>
            </tr>
          </tbody>
        </table>
      </section>

      <section aria-labelledby="cases-print-household">
        <h2 id="cases-print-household">{t('cases.sections.household')}</h2>
        {household.data && <MembersTable household={household.data} />}
        {household.isError && <p>{t('cases.page.notShared')}</p>}
        {kase.household_id === null && <p>{t('cases.household.none')}</p>}
      </section>

      <section aria-labelledby="cases-print-plan" className="cases-print-plan">
        <h2 id="cases-print-plan">{t('cases.print.currentPlan')}</h2>
        {plan.data && <PlanView plan={plan.data} />}
        {plan.data === null && <p>{t('cases.plan.empty')}</p>}
        {plan.isError && <p>{t('cases.page.notShared')}</p>}
      </section>

      <section aria-labelledby="cases-print-records">
        <h2 id="cases-print-records">{t('cases.print.recentRecords', { count: RECENT_RECORDS })}</h2>
        {records.data && timeline.length === 0 && <p>{t('cases.records.empty')}</p>}
        {records.isError && <p>{t('cases.page.notShared')}</p>}
        {timeline.length > 0 && (
          <table className="cases-print-records">
            <thead>
              <tr>
                <th scope="col">{t('cases.records.occurredAt')}</th>
                <th scope="col">{t('cases.records.kind')}</th>
                <th scope="col">{t('cases.records.text')}</th>
                <th scope="col">{t('cases.records.author')}</th>
              </tr>
            </thead>
            <tbody>
              {timeline.flatMap(({ record, amendments }) =>
                [record, ...amendments].map((r) => (
                  <tr key={r.id}>
                    <td className="nowrap">{formatDateTime(r.occurred_at)}</td>
                    <td className="nowrap">
                      {r.amends_id && `【${t('cases.records.amendmentLabel')}】`}
                      {t(`cases.recordKind.${r.kind}`)}
                      <br />
                      {t('cases.records.minutesValue', { count: r.minutes_spent })}
                    </td>
                    <td className="cases-record-text">
                      {r.superseded && `【${t('cases.records.superseded')}】`}
                      {r.text}
                    </td>
                    <td>
                      <StaffName username={r.author} />
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
