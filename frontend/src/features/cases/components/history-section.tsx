import { useTranslation } from 'react-i18next';
import { useAreaName } from '@/shared/users/areas';
import { useStaffNames } from '@/shared/users/names';
import { StaffName } from '@/shared/users/staff-name';
import { formatDateTime } from '@/shared/utils/datetime';
import { useAgencyChoices } from '../api/get-agencies';
import { useHistory } from '../api/get-history';
import type {
  CaseEvent,
  CaseStatus,
  ClosureReason,
  ConsentMethod,
  ConsentPart,
  ConsentStatus,
  ExistingSystem,
  GranteeKind,
  MeetingBody,
  RiskFlag,
} from '../api/types';
import { CaseSection } from './case-section';
import { SectionError } from './problem-alert';

/** 履歴: every change of the case, newest first. */
export function HistorySection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const history = useHistory(caseId);
  const items = history.data ? [...history.data.items].reverse() : [];

  return (
    <CaseSection id="cases-history" title={t('cases.sections.history')}>
      {history.isPending && <p className="muted">{t('app.loading')}</p>}
      {history.isError && <SectionError error={history.error} failed={t('cases.history.loadError')} />}
      {items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('cases.history.at')}</th>
                <th scope="col">{t('cases.history.actor')}</th>
                <th scope="col">{t('cases.history.kind')}</th>
                <th scope="col">{t('cases.history.change')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">{formatDateTime(e.at)}</td>
                  <td>
                    <StaffName username={e.actor} />
                  </td>
                  <td className="nowrap">{t(`cases.event.${e.kind}`)}</td>
                  <td>
                    <EventChange event={e} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </CaseSection>
  );
}

const FIELDS = [
  'title',
  'area',
  'status',
  'current',
  'lead_username',
  'risk_flags',
  'existing_system',
  'between_systems',
  'difficult',
  'closure_reason',
  'decision_id',
  'recorded_at',
  'method',
  'agencies',
  'parts',
  'body',
  'recommended',
  'grantee_kind',
  'grantee',
] as const;
type Field = (typeof FIELDS)[number];

/** The usernames an entry's facts hold: the lead, and a user a share was granted to. */
function usernamesOf(facts: Record<string, unknown> | null | undefined): string[] {
  if (!facts) return [];
  const found: string[] = [];
  if (typeof facts.lead_username === 'string') found.push(facts.lead_username);
  if (facts.grantee_kind === 'user' && typeof facts.grantee === 'string') found.push(facts.grantee);
  return found;
}

/** One history entry's before/after in words: labelled fields, coded values, people and areas by name. */
function useDescribe(usernames: string[]) {
  const { t } = useTranslation();
  const agencies = useAgencyChoices();
  const areaName = useAreaName();
  const staffName = useStaffNames(usernames);
  const agencyName = (id: string) => agencies.data?.find((a) => a.id === id)?.name ?? id;

  const value = (kind: CaseEvent['kind'], field: Field, raw: unknown, facts: Record<string, unknown>): string => {
    if (Array.isArray(raw)) {
      return raw.map((item) => value(kind, field, item, facts)).join('、') || t('cases.none');
    }
    if (typeof raw === 'boolean') return raw ? t('cases.yes') : t('cases.no');
    const v = String(raw);
    switch (field) {
      case 'status':
        return kind === 'consent' ? t(`cases.consent.${v as ConsentStatus}`) : t(`cases.status.${v as CaseStatus}`);
      case 'current':
        return t(`cases.consent.${v as ConsentStatus}`);
      case 'risk_flags':
        return t(`cases.risk.${v as RiskFlag}`);
      case 'existing_system':
        return t(`cases.system.${v as ExistingSystem}`);
      case 'closure_reason':
        return t(`cases.closure.${v as ClosureReason}`);
      case 'method':
        return t(`cases.consentMethod.${v as ConsentMethod}`);
      case 'parts':
        return t(`cases.consentPart.${v as ConsentPart}`);
      case 'body':
      case 'recommended':
        return t(`cases.body.${v as MeetingBody}`);
      case 'grantee_kind':
        return t(`cases.shares.kind.${v as GranteeKind}`);
      case 'agencies':
        return agencyName(v);
      case 'grantee':
        return facts.grantee_kind === 'user' ? staffName(v) : agencyName(v);
      case 'area':
        return areaName(v);
      case 'lead_username':
        return staffName(v);
      default:
        return v;
    }
  };

  return (kind: CaseEvent['kind'], facts: Record<string, unknown> | null | undefined): string | null => {
    if (!facts) return null;
    const parts = FIELDS.filter((f) => facts[f] !== undefined && facts[f] !== null).map(
      (f) => `${t(`cases.history.field.${f}`)}：${value(kind, f, facts[f], facts)}`,
    );
    return parts.length > 0 ? parts.join('／') : null;
  };
}

function EventChange({ event }: { event: CaseEvent }) {
  const { t } = useTranslation();
  const beforeFacts = event.before as Record<string, unknown> | null;
  const afterFacts = event.after as Record<string, unknown> | null;
  const describe = useDescribe([...usernamesOf(beforeFacts), ...usernamesOf(afterFacts)]);
  const before = describe(event.kind, beforeFacts);
  const after = describe(event.kind, afterFacts);
  return (
    <>
      {before && after ? (
        <span>
          {before} → {after}
        </span>
      ) : (
        <span>{after ?? before}</span>
      )}
      {event.reason && (
        <span className="wareki">
          {t('cases.history.reason')}：{event.reason}
        </span>
      )}
    </>
  );
}
