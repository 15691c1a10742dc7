import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Pager, PAGE_SIZE, usePageParam } from '@/shared/ui/pager';
import { formatDateTime } from '@/shared/utils/datetime';
import { StaffName } from '@/shared/users/staff-name';
import { useAreas } from '../api/get-areas';
import { useCases, type CaseFilter } from '../api/get-cases';
import { caseStatuses, riskFlags, type CaseStatus, type RiskFlag } from '../api/types';
import { BodyName, ConsentBadge, RiskBadges, StatusBadge } from './case-badges';
import { ProblemAlert } from './problem-alert';

function isOneOf<T extends string>(values: readonly T[], value: string | null): value is T {
  return value !== null && (values as readonly string[]).includes(value);
}

/** The filters live in the URL, so that back from a case returns to the same list. */
function useCaseFilter(): [CaseFilter, (change: Partial<Record<keyof CaseFilter, string>>) => void] {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const risk = params.get('risk');
  const filter: CaseFilter = {
    area: params.get('area') || undefined,
    status: isOneOf<CaseStatus>(caseStatuses, status) ? status : undefined,
    risk: isOneOf<RiskFlag>(riskFlags, risk) ? risk : undefined,
    q: params.get('q') || undefined,
    overdue: params.get('overdue') === 'true' || undefined,
  };
  const update = (change: Partial<Record<keyof CaseFilter, string>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    // A new filter starts from the first page.
    next.delete('page');
    setParams(next, { replace: true });
  };
  return [filter, update];
}

export function CaseList() {
  const { t } = useTranslation();
  const id = useId();
  const [where, update] = useCaseFilter();
  // The page lives in the URL too (?page=2): reload and back from a case keep it.
  const { page, offset, goTo } = usePageParam();
  const filter: CaseFilter = { ...where, offset, limit: PAGE_SIZE };
  const [q, setQ] = useState(filter.q ?? '');
  const areas = useAreas();
  const cases = useCases(filter);
  const areaName = (code: string) => areas.data?.find((a) => a.code === code)?.name ?? code;

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update({ q: q.trim() });
  }

  return (
    <section aria-busy={cases.isFetching} aria-label={t('cases.list.title')}>
      <form className="toolbar cases-filters" onSubmit={search} role="search">
        <div className="field inline">
          <label htmlFor={`${id}-area`}>{t('cases.fields.area')}</label>
          <select
            id={`${id}-area`}
            value={filter.area ?? ''}
            onChange={(e) => update({ area: e.target.value })}
          >
            <option value="">{t('cases.list.all')}</option>
            {areas.data?.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor={`${id}-status`}>{t('cases.fields.status')}</label>
          <select
            id={`${id}-status`}
            value={filter.status ?? ''}
            onChange={(e) => update({ status: e.target.value })}
          >
            <option value="">{t('cases.list.all')}</option>
            {caseStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`cases.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor={`${id}-risk`}>{t('cases.fields.risk')}</label>
          <select
            id={`${id}-risk`}
            value={filter.risk ?? ''}
            onChange={(e) => update({ risk: e.target.value })}
          >
            <option value="">{t('cases.list.all')}</option>
            {riskFlags.map((r) => (
              <option key={r} value={r}>
                {t(`cases.risk.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <input
            id={`${id}-overdue`}
            type="checkbox"
            checked={filter.overdue ?? false}
            onChange={(e) => update({ overdue: e.target.checked ? 'true' : '' })}
          />
          <label htmlFor={`${id}-overdue`}>{t('cases.list.overdue')}</label>
        </div>
        <div className="field inline">
          <label htmlFor={`${id}-q`}>{t('cases.list.q')}</label>
          <input
            id={`${id}-q`}
            type="search"
            maxLength={100}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <button type="submit" className="button">
            {t('cases.list.search')}
          </button>
        </div>
      </form>

      {cases.isPending && <p>{t('app.loading')}</p>}
      {cases.isError && <ProblemAlert error={cases.error} failed={t('cases.list.loadError')} />}
      {cases.data && cases.data.total > PAGE_SIZE && cases.data.items.length > 0 && (
        <p className="muted" aria-live="polite">
          {t('paging.range', { total: cases.data.total, from: offset + 1, to: offset + cases.data.items.length })}
        </p>
      )}
      {cases.data?.items.length === 0 && <p className="empty">{t('cases.list.empty')}</p>}
      {cases.data && cases.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('cases.fields.title')}</th>
                <th scope="col">{t('cases.fields.area')}</th>
                <th scope="col">{t('cases.fields.status')}</th>
                <th scope="col">{t('cases.fields.lead')}</th>
                <th scope="col">{t('cases.fields.consent')}</th>
                <th scope="col">{t('cases.fields.risk')}</th>
                <th scope="col">{t('cases.fields.body')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.data.items.map((c) => (
                <tr key={c.id} className={c.risk_flags.length > 0 ? 'cases-risk-row' : undefined}>
                  <td>
                    <Link to={`/cases/${c.id}`}>{c.title}</Link>
                    <span className="wareki">
                      {t('cases.fields.openedAt')} {formatDateTime(c.opened_at)}
                    </span>
                  </td>
                  <td className="nowrap">{areaName(c.area)}</td>
                  <td className="nowrap">
                    <StatusBadge status={c.status} />
                  </td>
                  <td className="nowrap">
                    {c.lead_username ? <StaffName username={c.lead_username} /> : <span className="muted">{t('cases.none')}</span>}
                  </td>
                  <td className="nowrap">
                    <ConsentBadge status={c.consent_status} />
                  </td>
                  <td>
                    <RiskBadges flags={c.risk_flags} />
                  </td>
                  <td className="nowrap">
                    <BodyName body={c.effective_body} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cases.data && (
        <Pager total={cases.data.total} page={page} onPage={goTo} label={t('cases.list.title')} />
      )}
    </section>
  );
}
