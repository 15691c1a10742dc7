import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { useCurrentUser } from './current-user';
import { can, type Permission } from './permissions';

/** Whether the signed-in user may use `permission` (false while still loading). */
export function useCan(permission: Permission): boolean {
  const me = useCurrentUser();
  return can(me.data?.role, permission);
}

/** A polite page instead of the 403 a screen the role cannot use would end in. */
export function NoPermission() {
  const { t } = useTranslation();
  return (
    <section className="card no-permission" aria-labelledby="no-permission-title">
      <h1 id="no-permission-title">{t('noPermission.title')}</h1>
      <p>{t('noPermission.body')}</p>
      <p>
        <Link to="/">{t('noPermission.home')}</Link>
      </p>
    </section>
  );
}

/** A layout route: its child routes render only for roles that may use `permission`. */
export function RequirePermission({ permission, children }: { permission: Permission; children?: ReactNode }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (me.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (!can(me.data?.role, permission)) return <NoPermission />;
  return children ?? <Outlet />;
}
