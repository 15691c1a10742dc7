import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AreaName } from '@/shared/users/area-name';
import { useAreas } from '@/shared/users/areas';
import {
  USERS_PAGE,
  type User,
  type UserFilter,
  type UserRole,
  useAgencyChoices,
  useCreateUser,
  useResetPassword,
  useUpdateUser,
  useUsers,
  userRoles,
} from '../api/users';
import { AdminProblem, problemFields } from './user-problems';

const MIN_PASSWORD = 12;

/** 職員: the administrator's staff directory: search, add, change, stop and restart, new password. */
export function UsersPage() {
  const { t } = useTranslation();
  const id = useId();
  const [draftQ, setDraftQ] = useState('');
  const [filter, setFilter] = useState<UserFilter>({ q: '', role: '', includeInactive: false, offset: 0 });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const users = useUsers(filter);

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFilter((f) => ({ ...f, q: draftQ, offset: 0 }));
  }

  const total = users.data?.total ?? 0;
  const editingUser = users.data?.items.find((u) => u.id === editing) ?? null;
  return (
    <div className="admin-users">
      <h1>{t('usersAdmin.title')}</h1>
      <p className="muted">{t('usersAdmin.help')}</p>
      <form className="card form admin-users-search" role="search" onSubmit={search}>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('usersAdmin.search')}</label>
          <input id={`${id}-q`} type="search" value={draftQ} onChange={(e) => setDraftQ(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('usersAdmin.fields.role')}</label>
          <select
            id={`${id}-role`}
            value={filter.role}
            onChange={(e) => setFilter((f) => ({ ...f, role: e.target.value as UserRole | '', offset: 0 }))}
          >
            <option value="">{t('usersAdmin.allRoles')}</option>
            {userRoles.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={filter.includeInactive}
            onChange={(e) => setFilter((f) => ({ ...f, includeInactive: e.target.checked, offset: 0 }))}
          />
          {t('usersAdmin.includeInactive')}
        </label>
        <button type="submit" className="button">
          {t('usersAdmin.searchButton')}
        </button>
      </form>

      <p role="status" className="admin-users-notice">
        {notice}
      </p>

      {adding ? (
        <NewUserForm
          onDone={(created) => {
            setAdding(false);
            if (created) setNotice(t('usersAdmin.added', { name: created.display_name }));
          }}
        />
      ) : (
        <button
          type="button"
          className="button primary"
          onClick={() => {
            setAdding(true);
            setNotice(null);
          }}
        >
          {t('usersAdmin.add')}
        </button>
      )}

      {editingUser && (
        <EditUser
          key={`${editingUser.id}-${editingUser.version}`}
          user={editingUser}
          onNotice={setNotice}
          onClose={() => setEditing(null)}
          onReload={() => void users.refetch()}
        />
      )}

      <section className="card" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('usersAdmin.listTitle', { count: total })}</h2>
        {users.isPending && <p className="muted">{t('app.loading')}</p>}
        {users.isError && <AdminProblem error={users.error} failed={t('usersAdmin.loadFailed')} />}
        {users.data && users.data.items.length === 0 && <p className="muted">{t('usersAdmin.none')}</p>}
        {users.data && users.data.items.length > 0 && (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('usersAdmin.fields.displayName')}</th>
                  <th scope="col">{t('usersAdmin.fields.username')}</th>
                  <th scope="col">{t('usersAdmin.fields.role')}</th>
                  <th scope="col">{t('usersAdmin.fields.area')}</th>
                  <th scope="col">{t('usersAdmin.state')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('usersAdmin.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.data.items.map((u) => (
                  <tr key={u.id} className={u.active ? undefined : 'admin-users-inactive'}>
                    <td>
                      {u.display_name}
                      {u.display_kana && <span className="wareki">{u.display_kana}</span>}
                    </td>
                    <td>
                      <code>{u.username}</code>
                    </td>
                    <td>{t(`role.${u.role}`)}</td>
                    <td>
                      <AreaName code={u.area} />
                    </td>
                    <td>{u.active ? t('usersAdmin.active') : t('usersAdmin.inactive')}</td>
                    <td>
                      <button
                        type="button"
                        className="button"
                        aria-label={t('usersAdmin.editOf', { name: u.display_name })}
                        onClick={() => {
                          setEditing(u.id);
                          setNotice(null);
                        }}
                      >
                        {t('usersAdmin.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {total > USERS_PAGE && (
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={filter.offset === 0}
              onClick={() => setFilter((f) => ({ ...f, offset: Math.max(0, f.offset - USERS_PAGE) }))}
            >
              {t('usersAdmin.previous')}
            </button>
            <span className="muted">
              {t('usersAdmin.range', {
                from: filter.offset + 1,
                to: Math.min(filter.offset + USERS_PAGE, total),
                total,
              })}
            </span>
            <button
              type="button"
              className="button"
              disabled={filter.offset + USERS_PAGE >= total}
              onClick={() => setFilter((f) => ({ ...f, offset: f.offset + USERS_PAGE }))}
            >
              {t('usersAdmin.next')}
            </button>
          </div>
        )}
      </section>
    </div>
  );
}

type Assignment = { role: UserRole; area: string; agencyId: string };

/** Role, area and agency: the agency is asked for agency members only, the area matters to CSWs. */
function AssignmentFields({
  idPrefix,
  value,
  onChange,
  invalid,
}: {
  idPrefix: string;
  value: Assignment;
  onChange: (next: Assignment) => void;
  invalid: Set<string>;
}) {
  const { t } = useTranslation();
  const areas = useAreas();
  const agencies = useAgencyChoices();
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-role`}>{t('usersAdmin.fields.role')}</label>
        <select
          id={`${idPrefix}-role`}
          value={value.role}
          aria-invalid={invalid.has('role') || undefined}
          onChange={(e) => onChange({ ...value, role: e.target.value as UserRole })}
        >
          {userRoles.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-area`}>{t('usersAdmin.fields.area')}</label>
        <select
          id={`${idPrefix}-area`}
          value={value.area}
          aria-invalid={invalid.has('area') || undefined}
          aria-describedby={`${idPrefix}-area-hint`}
          onChange={(e) => onChange({ ...value, area: e.target.value })}
        >
          <option value="">{t('usersAdmin.noArea')}</option>
          {areas.data?.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </select>
        <p id={`${idPrefix}-area-hint`} className="hint">
          {t('usersAdmin.areaHint')}
        </p>
      </div>
      {value.role === 'agency' && (
        <div className="field">
          <label htmlFor={`${idPrefix}-agency`}>{t('usersAdmin.fields.agency')}</label>
          <select
            id={`${idPrefix}-agency`}
            value={value.agencyId}
            aria-invalid={invalid.has('agency_id') || undefined}
            onChange={(e) => onChange({ ...value, agencyId: e.target.value })}
          >
            <option value="">{t('usersAdmin.chooseAgency')}</option>
            {agencies.data?.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
      )}
    </>
  );
}

function NewUserForm({ onDone }: { onDone: (created: User | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const create = useCreateUser();
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [kana, setKana] = useState('');
  const [assignment, setAssignment] = useState<Assignment>({ role: 'csw', area: '', agencyId: '' });
  const [password, setPassword] = useState('');
  const invalid = problemFields(create.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(
      {
        username: username.trim(),
        display_name: name.trim(),
        display_kana: kana.trim() || null,
        role: assignment.role,
        area: assignment.area || null,
        agency_id: assignment.role === 'agency' ? assignment.agencyId || null : null,
        password,
      },
      { onSuccess: (created) => onDone(created) },
    );
  }

  return (
    <form className="card form admin-users-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h2 id={`${id}-title`}>{t('usersAdmin.addTitle')}</h2>
      <div className="field">
        <label htmlFor={`${id}-username`}>{t('usersAdmin.fields.username')}</label>
        <input
          id={`${id}-username`}
          value={username}
          autoComplete="off"
          spellCheck={false}
          required
          aria-invalid={invalid.has('username') || undefined}
          aria-describedby={`${id}-username-hint`}
          onChange={(e) => setUsername(e.target.value)}
        />
        <p id={`${id}-username-hint`} className="hint">
          {t('usersAdmin.usernameHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('usersAdmin.fields.displayName')}</label>
        <input
          id={`${id}-name`}
          value={name}
          required
          aria-invalid={invalid.has('display_name') || undefined}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kana`}>{t('usersAdmin.fields.displayKana')}</label>
        <input id={`${id}-kana`} value={kana} onChange={(e) => setKana(e.target.value)} />
      </div>
      <AssignmentFields idPrefix={id} value={assignment} onChange={setAssignment} invalid={invalid} />
      <div className="field">
        <label htmlFor={`${id}-password`}>{t('usersAdmin.fields.initialPassword')}</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="new-password"
          value={password}
          required
          minLength={MIN_PASSWORD}
          aria-invalid={invalid.has('password') || undefined}
          aria-describedby={`${id}-password-hint`}
          onChange={(e) => setPassword(e.target.value)}
        />
        <p id={`${id}-password-hint`} className="hint">
          {t('usersAdmin.passwordHint', { min: MIN_PASSWORD })}
        </p>
      </div>
      <AdminProblem error={create.error} failed={t('usersAdmin.addFailed')} />
      <div className="actions">
        <button type="submit" className="button primary" disabled={create.isPending}>
          {t('usersAdmin.addSubmit')}
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          {t('usersAdmin.cancel')}
        </button>
      </div>
    </form>
  );
}

function EditUser({
  user,
  onNotice,
  onClose,
  onReload,
}: {
  user: User;
  onNotice: (notice: string) => void;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const update = useUpdateUser();
  const activation = useUpdateUser();
  const reset = useResetPassword();
  const [name, setName] = useState(user.display_name);
  const [kana, setKana] = useState(user.display_kana ?? '');
  const [assignment, setAssignment] = useState<Assignment>({
    role: user.role,
    area: user.area ?? '',
    agencyId: user.agency_id ?? '',
  });
  const [password, setPassword] = useState('');
  const invalid = problemFields(update.error);

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate(
      {
        user,
        body: {
          display_name: name.trim(),
          display_kana: kana.trim() || null,
          role: assignment.role,
          area: assignment.area || null,
          agency_id: assignment.role === 'agency' ? assignment.agencyId || null : null,
        },
      },
      { onSuccess: (saved) => onNotice(t('usersAdmin.saved', { name: saved.display_name })) },
    );
  }

  function toggleActive() {
    activation.mutate(
      { user, body: { active: !user.active } },
      {
        onSuccess: (saved) =>
          onNotice(
            saved.active
              ? t('usersAdmin.reactivated', { name: saved.display_name })
              : t('usersAdmin.deactivated', { name: saved.display_name }),
          ),
      },
    );
  }

  function setNewPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset.mutate(
      { userId: user.id, password },
      {
        onSuccess: () => {
          setPassword('');
          onNotice(t('usersAdmin.passwordReset', { name: user.display_name }));
        },
      },
    );
  }

  return (
    <section className="card admin-users-edit" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('usersAdmin.editTitle', { name: user.display_name })}</h2>
      <p className="muted">
        {t('usersAdmin.fields.username')}：<code>{user.username}</code>
      </p>
      <form className="form" onSubmit={save} noValidate aria-label={t('usersAdmin.editFormLabel')}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('usersAdmin.fields.displayName')}</label>
          <input
            id={`${id}-name`}
            value={name}
            required
            aria-invalid={invalid.has('display_name') || undefined}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kana`}>{t('usersAdmin.fields.displayKana')}</label>
          <input id={`${id}-kana`} value={kana} onChange={(e) => setKana(e.target.value)} />
        </div>
        <AssignmentFields idPrefix={id} value={assignment} onChange={setAssignment} invalid={invalid} />
        <AdminProblem error={update.error} failed={t('usersAdmin.saveFailed')} onReload={onReload} />
        <div className="actions">
          <button type="submit" className="button primary" disabled={update.isPending}>
            {t('usersAdmin.save')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('usersAdmin.close')}
          </button>
        </div>
      </form>

      <div className="admin-users-activation">
        <h3>{t('usersAdmin.activationTitle')}</h3>
        <p className="hint">{user.active ? t('usersAdmin.deactivateHint') : t('usersAdmin.reactivateHint')}</p>
        <AdminProblem
          error={activation.error}
          failed={user.active ? t('usersAdmin.deactivateFailed') : t('usersAdmin.reactivateFailed')}
          onReload={onReload}
        />
        <button type="button" className="button" disabled={activation.isPending} onClick={toggleActive}>
          {user.active ? t('usersAdmin.deactivate') : t('usersAdmin.reactivate')}
        </button>
      </div>

      <form className="form admin-users-password" onSubmit={setNewPassword} noValidate>
        <h3>{t('usersAdmin.passwordTitle')}</h3>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('usersAdmin.fields.newPassword')}</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            value={password}
            minLength={MIN_PASSWORD}
            aria-describedby={`${id}-password-hint`}
            onChange={(e) => setPassword(e.target.value)}
          />
          <p id={`${id}-password-hint`} className="hint">
            {t('usersAdmin.passwordResetHint', { min: MIN_PASSWORD })}
          </p>
        </div>
        <AdminProblem error={reset.error} failed={t('usersAdmin.passwordFailed')} />
        <button type="submit" className="button" disabled={reset.isPending}>
          {t('usersAdmin.passwordSubmit')}
        </button>
      </form>
    </section>
  );
}
