import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/shared/utils/datetime';
import { DESK_STAFF_ROLES } from '@/shared/users/search';
import { StaffPicker } from '@/shared/users/staff-picker';
import { StaffName } from '@/shared/users/staff-name';
import { useStaffNames } from '@/shared/users/names';
import {
  useAddMember,
  useAgencies,
  useChangeMemberRole,
  useRecordConfirmationFor,
  useRemoveMember,
} from '../api/members';
import { memberRoles, type BodyDetail, type MemberRole } from '../api/types';
import { ProblemAlert } from './problem-alert';

/** A body's members (構成員): role, 守秘義務 confirmation (支援会議), adding and removing. */
export function BodyMembers({ body, canManage }: { body: BodyDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const changeRole = useChangeMemberRole();
  const remove = useRemoveMember();
  const record = useRecordConfirmationFor();
  const agencies = useAgencies();
  const agencyName = (agencyId: string | null) =>
    agencyId ? (agencies.data?.find((a) => a.id === agencyId)?.name ?? agencyId) : '';
  const staffName = useStaffNames(body.members.flatMap((m) => [m.username, m.confidentiality_confirmed_by]));

  return (
    <section className="card meetings-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('meetingBodies.members.title', { count: body.members.length })}</h2>
      {body.confidential && <p className="hint meetings-confidential-hint">{t('meetingBodies.members.dutyHint')}</p>}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('meetingBodies.members.who')}</th>
              <th scope="col">{t('meetingBodies.members.kind')}</th>
              <th scope="col">{t('meetingBodies.members.role')}</th>
              {body.confidential && <th scope="col">{t('meetingBodies.members.duty')}</th>}
              {canManage && <th scope="col">{t('meetingBodies.members.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {body.members.map((m) => {
              const who = m.name ?? staffName(m.username);
              return (
                <tr key={m.id}>
                  <td>
                    {who}
                    {m.username && m.name && staffName(m.username) !== m.name && (
                      <span className="muted">
                        （<StaffName username={m.username} />）
                      </span>
                    )}
                    {m.kind === 'agency' && <span className="meetings-sub">{agencyName(m.agency_id)}</span>}
                  </td>
                  <td>{t(`meetingBodies.members.kind_${m.kind}`)}</td>
                  <td>
                    {canManage ? (
                      <select
                        aria-label={t('meetingBodies.members.roleOf', { who })}
                        value={m.role}
                        disabled={changeRole.isPending}
                        onChange={(e) =>
                          changeRole.mutate({ bodyId: body.id, memberId: m.id, role: e.target.value as MemberRole })
                        }
                      >
                        {memberRoles.map((r) => (
                          <option key={r} value={r}>
                            {t(`meetingBodies.role.${r}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      t(`meetingBodies.role.${m.role}`)
                    )}
                  </td>
                  {body.confidential && (
                    <td>
                      {m.confidentiality_confirmed_at ? (
                        <>
                          <span className="meetings-delivery delivered">{t('meetingBodies.members.confirmed')}</span>
                          <span className="meetings-sub">
                            {formatDateTime(m.confidentiality_confirmed_at)}
                            {m.confidentiality_confirmed_by && m.confidentiality_confirmed_by !== m.username
                              ? t('meetingBodies.members.recordedBy', { by: staffName(m.confidentiality_confirmed_by) })
                              : ''}
                          </span>
                        </>
                      ) : (
                        <span className="meetings-delivery pending">{t('meetingBodies.members.unconfirmed')}</span>
                      )}
                    </td>
                  )}
                  {canManage && (
                    <td>
                      <div className="meetings-cell-actions">
                        {body.confidential && !m.confidentiality_confirmed_at && m.kind === 'agency' && !m.username && (
                          <button
                            type="button"
                            className="button"
                            disabled={record.isPending}
                            onClick={() => record.mutate({ bodyId: body.id, memberId: m.id })}
                          >
                            {t('meetingBodies.members.recordWritten')}
                          </button>
                        )}
                        <button
                          type="button"
                          className="button"
                          disabled={remove.isPending}
                          onClick={() => remove.mutate({ bodyId: body.id, memberId: m.id })}
                          aria-label={t('meetingBodies.members.removeWho', { who })}
                        >
                          {t('meetingBodies.members.remove')}
                        </button>
                      </div>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ProblemAlert error={changeRole.error ?? remove.error ?? record.error} />
      {canManage && <AddMember bodyId={body.id} />}
    </section>
  );
}

const AGENCY_ROLE = ['agency'] as const;

function AddMember({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const agencies = useAgencies();
  const [kind, setKind] = useState<'staff' | 'agency'>('staff');
  const [username, setUsername] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<MemberRole>('member');
  const add = useAddMember({
    onSuccess: () => {
      setUsername('');
      setName('');
      setAgencyId('');
    },
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    add.mutate({
      bodyId,
      member:
        kind === 'staff'
          ? { kind, role, username: username.trim() }
          : { kind, role, agency_id: agencyId, name: name.trim(), username: username.trim() || null },
    });
  }

  return (
    <form className="form meetings-inline-form" onSubmit={handleSubmit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('meetingBodies.members.addTitle')}</h3>
      <fieldset className="meetings-fieldset">
        <legend>{t('meetingBodies.members.kind')}</legend>
        <div className="meetings-radios">
          {(['staff', 'agency'] as const).map((k) => (
            <label key={k}>
              <input type="radio" name={`${id}-kind`} checked={kind === k} onChange={() => setKind(k)} />
              {t(`meetingBodies.members.kind_${k}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {kind === 'agency' && (
        <div className="meetings-row">
          <div className="field">
            <label htmlFor={`${id}-agency`}>{t('meetingBodies.members.agency')}</label>
            <select id={`${id}-agency`} required value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
              <option value="">{t('meetingBodies.members.chooseAgency')}</option>
              {agencies.data?.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('meetingBodies.members.contactName')}</label>
            <input id={`${id}-name`} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          </div>
        </div>
      )}
      <div className="meetings-row">
        <div className="field">
          <StaffPicker
            key={kind}
            id={`${id}-username`}
            label={kind === 'staff' ? t('staffPicker.addMember') : t('meetingBodies.members.loginOptional')}
            required={kind === 'staff'}
            roles={kind === 'staff' ? DESK_STAFF_ROLES : AGENCY_ROLE}
            value={username}
            onChange={setUsername}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('meetingBodies.members.role')}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as MemberRole)}>
            {memberRoles.map((r) => (
              <option key={r} value={r}>
                {t(`meetingBodies.role.${r}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ProblemAlert error={add.error} failed={t('meetingBodies.members.addFailed')} />
      {add.isSuccess && <p role="status" className="meetings-ok">{t('meetingBodies.members.added')}</p>}
      <div className="actions">
        <button type="submit" className="button primary" disabled={add.isPending}>
          {t('meetingBodies.members.add')}
        </button>
      </div>
    </form>
  );
}
