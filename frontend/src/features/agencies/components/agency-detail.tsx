import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '@/shared/api/errors';
import { useAgency } from '../api/get-agency';
import { useAreas } from '../api/get-areas';

/** One agency: what it can do (できること), its functions and its contacts. */
export function AgencyDetail({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const agency = useAgency(agencyId);
  const areas = useAreas();

  if (agency.isPending) return <p>{t('app.loading')}</p>;
  if (agency.isError) {
    const notFound = agency.error instanceof ApiError && agency.error.status === 404;
    return (
      <>
        <p role="alert" className="alert">
          {notFound ? t('agencies.notFound') : t('agencies.loadError')}
        </p>
        <p>
          <Link to="/agencies">{t('agencies.back')}</Link>
        </p>
      </>
    );
  }
  const a = agency.data;
  const areaName = a.area ? (areas.data?.find((x) => x.code === a.area)?.name ?? a.area) : t('agencies.citywide');

  return (
    <article className="agencies-detail">
      <p>
        <Link to="/agencies">{t('agencies.back')}</Link>
      </p>
      <h1>{a.name}</h1>
      <p className="agencies-tags">
        <span className="tag">{t(`agencies.kind.${a.kind}`)}</span>
        <span className="tag">{areaName}</span>
        {a.partner_employment_prep && (
          <span className="badge agencies-partner">{t('agencies.partner.employment_prep')}</span>
        )}
        {a.partner_participation && <span className="badge agencies-partner">{t('agencies.partner.participation')}</span>}
        {!a.active && <span className="tag">{t('agencies.inactive')}</span>}
      </p>
      <section className="card agencies-section" aria-labelledby="agencies-cando">
        <h2 id="agencies-cando">{t('agencies.canDo')}</h2>
        <p className="agencies-cando">{a.can_do}</p>
        {a.functions.length > 0 && (
          <>
            <h3>{t('agencies.functions')}</h3>
            <ul className="agencies-function-list">
              {a.functions.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="card agencies-section" aria-labelledby="agencies-contacts">
        <h2 id="agencies-contacts">{t('agencies.contacts')}</h2>
        {a.contacts.length === 0 ? (
          <p className="muted">{t('agencies.noContacts')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('agencies.contactName')}</th>
                  <th scope="col">{t('agencies.contactRole')}</th>
                  <th scope="col">{t('agencies.phone')}</th>
                  <th scope="col">{t('agencies.email')}</th>
                </tr>
              </thead>
              <tbody>
                {a.contacts.map((c, i) => (
                  <tr key={i}>
                    <td>{c.name}</td>
                    <td>{c.role ?? '—'}</td>
                    <td className="nowrap">{c.phone ? <a href={`tel:${c.phone}`}>{c.phone}</a> : '—'}</td>
                    <td>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </article>
  );
}
