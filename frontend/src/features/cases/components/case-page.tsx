import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useCurrentUser } from '@/shared/auth/current-user';
import { can } from '@/shared/auth/permissions';
import { useCase } from '../api/get-case';
import { caseKeys } from '../api/keys';
import { ConsentBadge, StatusBadge } from './case-badges';
import { ConsentSection } from './consent-section';
import { HistorySection } from './history-section';
import { HouseholdSection } from './household-section';
import { InvolvementsSection } from './involvements-section';
import { OutcomesSection } from './outcomes-section';
import { PlanSection } from './plan-section';
import { isNotFound, ProblemAlert } from './problem-alert';
import { RecommendationSection } from './recommendation-section';
import { RecordsSection } from './records-section';
import { SafetyChecksSection } from './safety-checks-section';
import { SharesSection } from './shares-section';
import { SummarySection } from './summary-section';

const SECTIONS = [
  'summary',
  'household',
  'records',
  'plan',
  'outcomes',
  'consent',
  'agencies',
  'safety',
  'recommendation',
  'shares',
  'history',
] as const;

/** Scrolls to #section once the page has rendered it (links from the home go to a section). */
function useScrollToHash(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || !hash) return;
    document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [ready, hash]);
}

/** The section now at the top of the window (under the sticky links), for aria-current. */
function useCurrentSection(ready: boolean): string | null {
  const [current, setCurrent] = useState<string | null>(null);
  useEffect(() => {
    if (!ready) return;
    const ids = SECTIONS.map((s) => `cases-${s}`);
    const pick = () => {
      // The last section whose top has passed a line below the sticky links (a link's target stops
      // its scroll-margin-top under the window's top, a little below the links).
      const line = (document.querySelector('.cases-toc')?.getBoundingClientRect().bottom ?? 0) + 48;
      let found: string | null = null;
      for (const id of ids) {
        const top = document.getElementById(id)?.getBoundingClientRect().top;
        if (top !== undefined && top <= line) found = id;
      }
      // At the very bottom the last sections may never reach the line: the last one is current.
      const atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
      setCurrent(atBottom ? (ids.at(-1) ?? null) : (found ?? ids[0] ?? null));
    };
    pick();
    // Sections load their parts after the page: the layout moves without a scroll.
    const resized = new ResizeObserver(pick);
    resized.observe(document.body);
    window.addEventListener('scroll', pick, { passive: true });
    return () => {
      resized.disconnect();
      window.removeEventListener('scroll', pick);
    };
  }, [ready]);
  return current;
}

/** The case page: every part of one case, as anchored sections that also print. */
export function CasePage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const current = useCase(caseId);
  const reload = () => void queryClient.invalidateQueries({ queryKey: caseKeys.all(caseId) });
  useScrollToHash(current.isSuccess);
  const currentSection = useCurrentSection(current.isSuccess);

  if (current.isPending) return <p>{t('app.loading')}</p>;
  if (current.isError) {
    return (
      <>
        <h1>{t('cases.page.title')}</h1>
        {isNotFound(current.error) ? (
          <p role="alert" className="alert">
            {t('cases.page.notFound')}
          </p>
        ) : (
          <ProblemAlert error={current.error} failed={t('cases.page.loadError')} />
        )}
        <p>
          <Link to="/cases">{t('cases.page.backToList')}</Link>
        </p>
      </>
    );
  }

  const { case: kase, etag } = current.data;
  // Partners and SCs read what is shared with them; only desk staff add to a case (else 403).
  const readOnly = !can(me.data?.role, 'writeCase');
  const props = { caseId, kase, etag, me: me.data, reload, readOnly };

  return (
    <article className="cases-page">
      <header className="page-head cases-page-head">
        <div>
          <p className="cases-breadcrumb">
            <Link to="/cases">{t('cases.list.title')}</Link>
          </p>
          <h1>{kase.title}</h1>
          <p className="cases-head-badges">
            <StatusBadge status={kase.status} />
            <ConsentBadge status={kase.consent_status} />
          </p>
        </div>
        <Link to={`/cases/${caseId}/print`} className="button">
          {t('cases.page.print')}
        </Link>
      </header>

      <nav className="cases-toc" aria-label={t('cases.page.sections')}>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s}>
              <a
                href={`#cases-${s}`}
                aria-current={currentSection === `cases-${s}` ? 'location' : undefined}
              >
                {t(`cases.sections.${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <SummarySection {...props} />
      <HouseholdSection householdId={kase.household_id} />
      <RecordsSection {...props} />
      <PlanSection {...props} />
      <OutcomesSection {...props} />
      <ConsentSection {...props} />
      <InvolvementsSection {...props} />
      <SafetyChecksSection {...props} />
      <RecommendationSection {...props} />
      <SharesSection {...props} />
      <HistorySection caseId={caseId} />
    </article>
  );
}
