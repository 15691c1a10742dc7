import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/shared/utils/datetime';
import { StaffName } from '@/shared/users/staff-name';
import { useStaffNames } from '@/shared/users/names';
import { StaffPicker } from '@/shared/users/staff-picker';
import { useAgencyChoices } from '../api/get-agencies';
import { useGrantShare, useRevokeShare, useShares } from '../api/shares';
import type { GranteeKind } from '../api/types';
import { CaseSection } from './case-section';
import { ProblemAlert, SectionError } from './problem-alert';
import type { SectionProps } from './section-props';

/** 共有: explicit grants to a user (full view) or an agency (summary, parts per consent). */
export function SharesSection({ caseId, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const shares = useShares(caseId);
  const agencies = useAgencyChoices();
  const revoke = useRevokeShare(caseId);
  const [granting, setGranting] = useState(false);
  const staffName = useStaffNames(shares.data?.filter((s) => s.grantee_kind === 'user').map((s) => s.grantee) ?? []);
  const granteeName = (kind: GranteeKind, grantee: string) =>
    kind === 'agency' ? (agencies.data?.find((a) => a.id === grantee)?.name ?? grantee) : staffName(grantee);

  return (
    <CaseSection
      id="cases-shares"
      title={t('cases.sections.shares')}
      actions={
        !granting &&
        !readOnly && (
          <button type="button" className="button no-print" onClick={() => setGranting(true)}>
            {t('cases.shares.add')}
          </button>
        )
      }
    >
      {!readOnly && <p className="hint">{t('cases.shares.hint')}</p>}
      {granting && <ShareForm caseId={caseId} onDone={() => setGranting(false)} />}
      <ProblemAlert error={revoke.error} failed={t('cases.shares.revokeFailed')} />
      {shares.isPending && <p className="muted">{t('app.loading')}</p>}
      {shares.isError && <SectionError error={shares.error} failed={t('cases.shares.loadError')} />}
      {shares.data?.length === 0 && <p className="muted">{t('cases.shares.empty')}</p>}
      {shares.data && shares.data.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('cases.shares.grantee')}</th>
                <th scope="col">{t('cases.shares.granted')}</th>
                <th scope="col">{t('cases.shares.reason')}</th>
                <th scope="col">{t('cases.shares.state')}</th>
                <th scope="col" className="no-print">
                  <span className="visually-hidden">{t('cases.plan.operations')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shares.data.map((s) => (
                <tr key={s.id} className={s.active ? undefined : 'cases-ended'}>
                  <td>
                    {granteeName(s.grantee_kind, s.grantee)}
                    <span className="wareki">{t(`cases.shares.kind.${s.grantee_kind}`)}</span>
                  </td>
                  <td className="nowrap">
                    {formatDateTime(s.granted_at)}
                    <span className="wareki">
                      <StaffName username={s.granted_by} />
                    </span>
                  </td>
                  <td>{s.reason ?? '—'}</td>
                  <td className="nowrap">
                    {s.active
                      ? t('cases.shares.active')
                      : t('cases.shares.revoked', {
                          at: s.revoked_at ? formatDateTime(s.revoked_at) : '',
                        })}
                  </td>
                  <td className="no-print">
                    {s.active && !readOnly && (
                      <button
                        type="button"
                        className="button"
                        aria-label={`${t('cases.shares.revoke')}：${granteeName(s.grantee_kind, s.grantee)}`}
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate({ shareId: s.id, reason: null })}
                      >
                        {t('cases.shares.revoke')}
                      </button>
                    )}
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

function ShareForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const agencies = useAgencyChoices();
  const [kind, setKind] = useState<GranteeKind>('user');
  const [grantee, setGrantee] = useState('');
  const [reason, setReason] = useState('');
  const grant = useGrantShare(caseId, { onSuccess: onDone });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    grant.mutate({ grantee_kind: kind, grantee: grantee.trim(), reason: reason.trim() || null });
  }

  return (
    <form className="form cases-form no-print" onSubmit={handleSubmit} aria-label={t('cases.shares.add')}>
      <ProblemAlert error={grant.error} failed={t('cases.shares.failed')} />
      <fieldset className="cases-checks">
        <legend>{t('cases.shares.kindLabel')}</legend>
        {(['user', 'agency'] as const).map((k) => (
          <label key={k} className="cases-check">
            <input
              type="radio"
              name="cases-share-kind"
              checked={kind === k}
              onChange={() => {
                setKind(k);
                setGrantee('');
              }}
            />
            {t(`cases.shares.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        {kind === 'agency' ? (
          <>
            <label htmlFor="cases-share-grantee">{t('cases.shares.grantee')}</label>
            <select
              id="cases-share-grantee"
              required
              value={grantee}
              onChange={(e) => setGrantee(e.target.value)}
            >
              <option value="">{t('cases.choose')}</option>
              {agencies.data?.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </>
        ) : (
          <StaffPicker
            id="cases-share-grantee"
            label={t('cases.shares.grantee')}
            required
            value={grantee}
            onChange={setGrantee}
            hint={t('staffPicker.ownerHint')}
          />
        )}
      </div>
      <div className="field">
        <label htmlFor="cases-share-reason">{t('cases.shares.reason')}</label>
        <input
          id="cases-share-reason"
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={grant.isPending}>
          {t('cases.shares.submit')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('cases.cancel')}
        </button>
      </div>
    </form>
  );
}
