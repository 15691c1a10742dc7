import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '@/shared/auth/current-user';
import { can } from '@/shared/auth/permissions';
import { Pager, PAGE_SIZE, usePageParam } from '@/shared/ui/pager';
import { formatDateTime, formatWareki } from '@/shared/utils/datetime';
import { useStaffNames } from '@/shared/users/names';
import { useDueActions } from '../api/get-due-actions';
import { useDueSafetyChecks } from '../api/get-due-safety-checks';
import { useMyCases } from '../api/get-my-cases';
import type { DueSafetyCheck, HomeCase } from '../api/types';
import { addDays, todayInTokyo } from '../utils/dates';

const STAFF_ROLES = ['admin', 'supervisor', 'csw', 'sc'];

/** 「わたしの業務」: my cases, safety checks due, and my plan actions due this week. */
export function MyWork() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const user = me.data;
  const isStaff = user ? STAFF_ROLES.includes(user.role) : false;
  const today = todayInTokyo();
  const dueBefore = addDays(today, 7);

  // An agency member or an SC leads no case: their cases are those shared with them (case-api).
  const isAgency = user?.role === 'agency' || user?.role === 'sc';
  // Both lists page through the API, each page in the URL (?page=2, ?areaPage=2).
  const ledPage = usePageParam('page');
  const areaPage = usePageParam('areaPage');
  const led = useMyCases(
    { ...(isAgency ? {} : { lead: user?.username }), limit: PAGE_SIZE, offset: ledPage.offset },
    Boolean(user),
  );
  const ofArea = useMyCases(
    { area: user?.area ?? undefined, limit: PAGE_SIZE, offset: areaPage.offset },
    Boolean(user?.area) && !isAgency,
  );
  // An SC sees no safety checks (case-api answers 403), so the card is left out for them.
  const mayCheck = can(user?.role, 'safetyChecks');
  const checks = useDueSafetyChecks(mayCheck);
  const actions = useDueActions({ owner: user?.username ?? '', dueBefore }, isStaff && Boolean(user));

  if (me.isPending) return <p>{t('app.loading')}</p>;

  const overdueCount = checks.data?.filter((c) => c.overdue).length ?? 0;

  return (
    <div className="home">
      <h1>{t('home.title')}</h1>
      {user && <p className="muted">{t('home.greeting', { name: user.display_name, date: formatWareki(`${today}T00:00:00+09:00`) })}</p>}

      <div className="home-grid">
        {mayCheck && (
          <section className="card home-card" aria-labelledby="home-checks">
            <h2 id="home-checks">
              {t('home.checks.title')}
              {checks.data && <span className="home-count">{t('home.count', { count: checks.data.length })}</span>}
            </h2>
            {overdueCount > 0 && (
              <p role="alert" className="alert">
                {t('home.checks.overdueAlert', { count: overdueCount })}
              </p>
            )}
            {checks.isPending && <p className="muted">{t('app.loading')}</p>}
            {checks.isError && (
              <p role="alert" className="alert">
                {t('home.loadError')}
              </p>
            )}
            {checks.data?.length === 0 && <p className="muted">{t('home.checks.empty')}</p>}
            {checks.data && checks.data.length > 0 && (
              <ul className="home-list">
                {checks.data.map((c) => (
                  <li key={c.id} className={c.overdue ? 'home-overdue' : undefined}>
                    <Link to={checkLink(c)}>
                      {c.overdue && <span className="badge home-overdue-badge">{t('home.checks.overdue')}</span>}
                      <span className="home-item-title">{c.reason}</span>
                    </Link>
                    <span className="home-item-meta">
                      {t('home.checks.due')}：<time dateTime={c.due_at}>{formatDateTime(c.due_at)}</time>
                      {c.assigned_to && `　${t('home.checks.assigned', { user: c.assigned_to })}`}
                      {!c.case_id && `　${t('home.checks.fromConsultation')}`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}

        {isStaff && (
          <section className="card home-card" aria-labelledby="home-actions">
            <h2 id="home-actions">
              {t('home.actions.title')}
              {actions.data && <span className="home-count">{t('home.count', { count: actions.data.length })}</span>}
            </h2>
            <p className="hint">{t('home.actions.hint', { date: addDays(today, 6).replaceAll('-', '/') })}</p>
            {actions.isPending && <p className="muted">{t('app.loading')}</p>}
            {actions.isError && (
              <p role="alert" className="alert">
                {t('home.loadError')}
              </p>
            )}
            {actions.data?.length === 0 && <p className="muted">{t('home.actions.empty')}</p>}
            {actions.data && actions.data.length > 0 && (
              <ul className="home-list">
                {actions.data.map((a) => {
                  const overdue = a.due_date !== null && a.due_date < today;
                  return (
                    <li key={a.id} className={overdue ? 'home-overdue' : undefined}>
                      <Link to={`/cases/${a.case_id}#cases-plan`}>
                        {overdue && <span className="badge home-overdue-badge">{t('home.checks.overdue')}</span>}
                        <span className="home-item-title">{a.text}</span>
                      </Link>
                      <span className="home-item-meta">
                        {a.due_date && `${t('home.actions.due')}：${a.due_date.replaceAll('-', '/')}　`}
                        {a.case_title}
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        )}

        <section className="card home-card home-wide" aria-labelledby="home-cases">
          <h2 id="home-cases">
            {isAgency ? t('home.cases.sharedTitle') : t('home.cases.title')}
            {led.data && <span className="home-count">{t('home.count', { count: led.data.total })}</span>}
          </h2>
          {led.isPending && <p className="muted">{t('app.loading')}</p>}
          {led.isError && (
            <p role="alert" className="alert">
              {t('home.loadError')}
            </p>
          )}
          {led.data?.total === 0 && (
            <p className="muted">{isAgency ? t('home.cases.sharedEmpty') : t('home.cases.empty')}</p>
          )}
          {led.data && led.data.items.length > 0 && <CaseLinks cases={led.data.items} showLead={isAgency} />}
          {led.data && led.data.total > 0 && (
            <Pager total={led.data.total} page={ledPage.page} onPage={ledPage.goTo} label={t('home.cases.title')} />
          )}

          {user?.area && !isAgency && (
            <>
              <h3>{t('home.cases.areaTitle')}</h3>
              {ofArea.data?.total === 0 && <p className="muted">{t('home.cases.areaEmpty')}</p>}
              {ofArea.data && ofArea.data.items.length > 0 && <CaseLinks cases={ofArea.data.items} showLead />}
              {ofArea.data && ofArea.data.total > 0 && (
                <Pager
                  total={ofArea.data.total}
                  page={areaPage.page}
                  onPage={areaPage.goTo}
                  label={t('home.cases.areaTitle')}
                />
              )}
            </>
          )}
          <p>
            <Link to="/cases">{t('home.cases.all')}</Link>
          </p>
        </section>
      </div>
    </div>
  );
}

/** Where a safety check is handled: its case, else the consultation it came from. */
function checkLink(check: DueSafetyCheck): string {
  if (check.case_id) return `/cases/${check.case_id}#cases-safety`;
  if (check.consultation_id) return `/consultations/${check.consultation_id}`;
  return '/consultations';
}

function CaseLinks({ cases, showLead }: { cases: HomeCase[]; showLead: boolean }) {
  const { t } = useTranslation();
  const staffName = useStaffNames(showLead ? cases.map((c) => c.lead_username) : []);
  return (
    <ul className="home-list">
      {cases.map((c) => (
        <li key={c.id}>
          <Link to={`/cases/${c.id}`}>
            <span className="home-item-title">{c.title}</span>
          </Link>
          <span className="home-item-meta">
            {t(`home.status.${c.status}`)}
            {c.risk_flags.length > 0 && `　${t('home.cases.risk', { count: c.risk_flags.length })}`}
            {showLead && c.lead_username && `　${t('home.cases.lead', { user: staffName(c.lead_username) })}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
