import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useAgencies, type AgencyFilter } from '../api/get-agencies';
import { useAreas } from '../api/get-areas';
import { agencyKinds, partners, type AgencyKind, type Partner } from '../api/types';

function isOneOf<T extends string>(values: readonly T[], value: string | null): value is T {
  return value !== null && (values as readonly string[]).includes(value);
}

/** 関係機関: who can do what, and how far; filters by kind, area, partner programme and name. */
export function AgencyDirectory() {
  const { t } = useTranslation();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind');
  const partner = params.get('partner');
  const filter: AgencyFilter = {
    kind: isOneOf<AgencyKind>(agencyKinds, kind) ? kind : undefined,
    area: params.get('area') || undefined,
    partner: isOneOf<Partner>(partners, partner) ? partner : undefined,
    q: params.get('q') || undefined,
  };
  const [q, setQ] = useState(filter.q ?? '');
  const agencies = useAgencies(filter);
  const areas = useAreas();
  const areaName = (code: string | null) =>
    code ? (areas.data?.find((a) => a.code === code)?.name ?? code) : t('agencies.citywide');

  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update('q', q.trim());
  }

  return (
    <section aria-busy={agencies.isFetching}>
      <form className="toolbar agencies-filters" role="search" onSubmit={search}>
        <div className="field inline">
          <label htmlFor={`${id}-kind`}>{t('agencies.kindLabel')}</label>
          <select id={`${id}-kind`} value={filter.kind ?? ''} onChange={(e) => update('kind', e.target.value)}>
            <option value="">{t('agencies.all')}</option>
            {agencyKinds.map((k) => (
              <option key={k} value={k}>
                {t(`agencies.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor={`${id}-area`}>{t('agencies.area')}</label>
          <select id={`${id}-area`} value={filter.area ?? ''} onChange={(e) => update('area', e.target.value)}>
            <option value="">{t('agencies.all')}</option>
            {areas.data?.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor={`${id}-partner`}>{t('agencies.partnerLabel')}</label>
          <select
            id={`${id}-partner`}
            value={filter.partner ?? ''}
            onChange={(e) => update('partner', e.target.value)}
          >
            <option value="">{t('agencies.all')}</option>
            {partners.map((p) => (
              <option key={p} value={p}>
                {t(`agencies.partner.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor={`${id}-q`}>{t('agencies.q')}</label>
          <input id={`${id}-q`} type="search" maxLength={100} value={q} onChange={(e) => setQ(e.target.value)} />
          <button type="submit" className="button">
            {t('agencies.search')}
          </button>
        </div>
      </form>

      {agencies.isPending && <p>{t('app.loading')}</p>}
      {agencies.isError && (
        <p role="alert" className="alert">
          {t('agencies.loadError')}
        </p>
      )}
      {agencies.data && (
        <p className="muted" aria-live="polite">
          {t('agencies.total', { count: agencies.data.total })}
        </p>
      )}
      {agencies.data?.items.length === 0 && <p className="empty">{t('agencies.empty')}</p>}
      {agencies.data && agencies.data.items.length > 0 && (
        <ul className="agencies-list">
          {agencies.data.items.map((a) => (
            <li key={a.id} className="card agencies-item">
              <h2 className="agencies-name">
                <Link to={`/agencies/${a.id}`}>{a.name}</Link>
              </h2>
              <p className="agencies-tags">
                <span className="tag">{t(`agencies.kind.${a.kind}`)}</span>
                <span className="tag">{areaName(a.area)}</span>
                {a.partner_employment_prep && (
                  <span className="badge agencies-partner">{t('agencies.partner.employment_prep')}</span>
                )}
                {a.partner_participation && (
                  <span className="badge agencies-partner">{t('agencies.partner.participation')}</span>
                )}
              </p>
              {a.functions.length > 0 && <p className="agencies-functions">{a.functions.join('・')}</p>}
              <p className="agencies-cando">{a.can_do}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
