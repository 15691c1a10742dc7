import { useTranslation } from 'react-i18next';
import { useHousehold } from '../api/get-household';
import type { Household } from '../api/types';
import { ageOn, formatDate, formatWarekiDate } from '../utils/dates';
import { CaseSection } from './case-section';
import { SectionError } from './problem-alert';

/** 世帯: the members, with 続柄 and birth dates in 和暦 with age. */
export function HouseholdSection({ householdId }: { householdId: string | null }) {
  const { t } = useTranslation();
  const household = useHousehold(householdId);
  return (
    <CaseSection id="cases-household" title={t('cases.sections.household')}>
      {householdId === null && <p className="muted">{t('cases.household.none')}</p>}
      {householdId !== null && household.isPending && <p className="muted">{t('app.loading')}</p>}
      {household.isError && (
        <SectionError error={household.error} failed={t('cases.household.loadError')} />
      )}
      {household.data && <MembersTable household={household.data} />}
    </CaseSection>
  );
}

export function MembersTable({ household }: { household: Household }) {
  const { t } = useTranslation();
  return (
    <>
      <p>
        {household.name}
        {household.address && <span className="muted">　{household.address}</span>}
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('cases.household.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.new.name')}</th>
              <th scope="col">{t('cases.new.relationship')}</th>
              <th scope="col">{t('cases.new.birthDate')}</th>
              <th scope="col">{t('cases.household.age')}</th>
            </tr>
          </thead>
          <tbody>
            {household.members.map((m) => (
              <tr key={m.person.id}>
                <th scope="row" className="cases-person">
                  {m.person.name_kana && <span className="cases-kana">{m.person.name_kana}</span>}
                  {m.person.name}
                  {m.is_primary && (
                    <span className="badge cases-primary">{t('cases.new.primary')}</span>
                  )}
                </th>
                <td>{t(`cases.relationship.${m.relationship}`)}</td>
                <td className="nowrap">
                  {m.person.birth_date ? (
                    <>
                      {formatWarekiDate(m.person.birth_date)}
                      <span className="wareki">{formatDate(m.person.birth_date)}</span>
                    </>
                  ) : (
                    <span className="muted">{t('cases.unknown')}</span>
                  )}
                </td>
                <td className="nowrap">
                  {m.person.birth_date
                    ? t('cases.household.ageValue', { age: ageOn(m.person.birth_date) })
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
