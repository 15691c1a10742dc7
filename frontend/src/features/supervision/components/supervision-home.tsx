import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '@/shared/api/errors';
import { formatDateTime } from '@/shared/utils/datetime';
import { StaffName } from '@/shared/users/staff-name';
import { useStaffNames } from '@/shared/users/names';
import { type AttentionItem, useAreaNames, useAttention } from '../api/get-attention';
import { DeadLettersSection } from './dead-letters-section';
import '../supervision.css';

const CASE_STATUSES = ['intake', 'assessment', 'planning', 'supporting', 'evaluation', 'closed', 'watching'] as const;
type CaseStatus = (typeof CASE_STATUSES)[number];

const PARTS = ['intake', 'cases', 'plan_actions', 'meetings'] as const;

function isPart(value: string): value is (typeof PARTS)[number] {
  return PARTS.includes(value as (typeof PARTS)[number]);
}

function isCaseStatus(value: string | null | undefined): value is CaseStatus {
  return CASE_STATUSES.includes(value as CaseStatus);
}

/** 統括ホーム: what waits too long, each item a link to the thing itself. */
export function SupervisionHome() {
  const { t } = useTranslation();
  const attention = useAttention();
  const areaNames = useAreaNames();
  const staffName = useStaffNames(attention.data?.plan_actions_overdue?.items.map((i) => i.owner) ?? []);
  const area = (code: string | null | undefined) =>
    code ? (areaNames.data?.get(code) ?? (code === 'unassigned' ? t('supervision.unassigned') : code)) : '';

  if (attention.isPending) return <p>{t('app.loading')}</p>;
  if (attention.isError) {
    const forbidden = attention.error instanceof ApiError && attention.error.status === 403;
    return (
      <p role="alert" className="alert">
        {forbidden ? t('supervision.forbidden') : t('supervision.loadError')}
      </p>
    );
  }
  const data = attention.data;
  const missing = data.unavailable.map((part) => (isPart(part) ? t(`supervision.parts.${part}`) : part)).join('、');

  return (
    <div className="supervision">
      <h1>{t('supervision.title')}</h1>
      {data.unavailable.length > 0 && (
        <p role="alert" className="alert">
          {t('supervision.unavailable', { parts: missing })}
        </p>
      )}
      <div className="supervision-grid">
        <Section id="supervision-untriaged" title={t('supervision.untriaged.title')} count={data.untriaged?.total}>
          {data.untriaged && (
            <>
              <ul className="supervision-ages" aria-label={t('supervision.untriaged.byAge')}>
                <li>
                  {t('supervision.untriaged.underDay')}
                  <strong>{data.untriaged.under_1_day}</strong>
                </li>
                <li>
                  {t('supervision.untriaged.oneToThree')}
                  <strong>{data.untriaged.from_1_to_3_days}</strong>
                </li>
                <li className={data.untriaged.over_3_days > 0 ? 'supervision-late' : undefined}>
                  {t('supervision.untriaged.overThree')}
                  <strong>{data.untriaged.over_3_days}</strong>
                </li>
              </ul>
              <Items
                items={data.untriaged.oldest}
                empty={t('supervision.untriaged.empty')}
                render={(item) => (
                  <>
                    {item.urgent && <span className="badge urgent">{t('supervision.urgent')}</span>}
                    <span>{t('supervision.untriaged.item', { area: area(item.area) })}</span>
                    <When label={t('supervision.untriaged.received')} at={item.at} />
                  </>
                )}
              />
            </>
          )}
        </Section>

        <Section
          id="supervision-safety"
          title={t('supervision.safety.title')}
          count={data.overdue_safety_checks?.total}
        >
          {data.overdue_safety_checks && (
            <Items
              items={data.overdue_safety_checks.items}
              empty={t('supervision.safety.empty')}
              render={(item) => (
                <>
                  <span>
                    {item.case_id
                      ? t('supervision.safety.onCase', { area: area(item.area) })
                      : t('supervision.safety.fromConsultation', { area: area(item.area) })}
                  </span>
                  <When label={t('supervision.safety.due')} at={item.at} />
                </>
              )}
            />
          )}
        </Section>

        <Section
          id="supervision-quiet"
          title={t('supervision.quiet.title', { days: data.no_contact_days })}
          count={data.cases_without_contact?.total}
        >
          {data.cases_without_contact && (
            <Items
              items={data.cases_without_contact.items}
              empty={t('supervision.quiet.empty')}
              render={(item) => (
                <>
                  <span>
                    {t('supervision.quiet.item', {
                      area: area(item.area),
                      status: isCaseStatus(item.status) ? t(`supervision.caseStatus.${item.status}`) : (item.status ?? ''),
                    })}
                    {item.owner && (
                      <>
                        （<StaffName username={item.owner} />）
                      </>
                    )}
                  </span>
                  <When label={t('supervision.quiet.last')} at={item.at} />
                </>
              )}
            />
          )}
        </Section>

        <Section
          id="supervision-actions"
          title={t('supervision.actions.title')}
          count={data.plan_actions_overdue?.total}
          more={data.plan_actions_overdue?.more}
        >
          {data.plan_actions_overdue && (
            <Items
              items={data.plan_actions_overdue.items}
              empty={t('supervision.actions.empty')}
              render={(item) => (
                <>
                  <span>{item.label}</span>
                  <span className="supervision-meta">
                    {t('supervision.actions.due', { date: item.due_date ?? '' })}
                    {item.owner && `　${t('supervision.actions.owner', { owner: staffName(item.owner) })}`}
                  </span>
                </>
              )}
            />
          )}
        </Section>

        <Section id="supervision-meetings" title={t('supervision.meetings.title')} count={data.meetings_this_week?.total}>
          {data.meetings_this_week && (
            <Items
              items={data.meetings_this_week.items}
              empty={t('supervision.meetings.empty')}
              render={(item) => (
                <>
                  <span>
                    {item.kind && <span className="supervision-kind">{item.kind}</span>}
                    {item.label}
                  </span>
                  <When label={t('supervision.meetings.starts')} at={item.at} />
                </>
              )}
            />
          )}
        </Section>
      </div>
      <DeadLettersSection list={data.dead_letters} />
    </div>
  );
}

function Section({
  id,
  title,
  count,
  more,
  children,
}: {
  id: string;
  title: string;
  count: number | undefined;
  more?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="card supervision-card" aria-labelledby={id}>
      <h2 id={id}>
        {title}
        {count !== undefined && (
          <span className={count > 0 ? 'supervision-count supervision-late' : 'supervision-count'}>
            {more ? t('supervision.countMore', { count }) : t('supervision.count', { count })}
          </span>
        )}
      </h2>
      {count === undefined ? <p className="muted">{t('supervision.notAvailable')}</p> : children}
    </section>
  );
}

function Items({
  items,
  empty,
  render,
}: {
  items: AttentionItem[];
  empty: string;
  render: (item: AttentionItem) => ReactNode;
}) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="supervision-list">
      {items.map((item) => (
        <li key={item.id}>
          <Link to={item.link}>{render(item)}</Link>
        </li>
      ))}
    </ul>
  );
}

function When({ label, at }: { label: string; at: string | null | undefined }) {
  if (!at) return null;
  return (
    <span className="supervision-meta">
      {label}：<time dateTime={at}>{formatDateTime(at)}</time>
    </span>
  );
}
