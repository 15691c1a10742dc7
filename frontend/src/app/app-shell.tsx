import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router-dom';
import { useAuth } from '@/shared/auth/auth-provider';
import { useCurrentUser } from '@/shared/auth/current-user';
import { can } from '@/shared/auth/permissions';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { HeaderSearch } from '@/features/search/components/header-search';
import { LanguageSwitch } from '@/shared/ui/language-switch';

export function AppShell() {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  const me = useCurrentUser();
  const role = me.data?.role;

  return (
    <div className="shell">
      <header className="app-header">
        <span className="brand">{t('app.name')}</span>
        {can(role, 'search') && <HeaderSearch />}
        <div className="header-tools">
          {me.data && <NotificationBell />}
          {me.data && (
            <span className="user">
              {me.data.display_name}
              <span className="role">{t(`role.${me.data.role}`)}</span>
            </span>
          )}
          <LanguageSwitch />
          <button type="button" className="button" onClick={signOut}>
            {t('app.logout')}
          </button>
        </div>
      </header>
      <nav className="app-nav" aria-label={t('app.mainNav')}>
        <NavLink to="/" end>
          {t('home.nav')}
        </NavLink>
        {can(role, 'consultations') && <NavLink to="/consultations">{t('nav.consultations')}</NavLink>}
        {can(role, 'triage') && <NavLink to="/triage">{t('triage.nav')}</NavLink>}
        <NavLink to="/cases">{t('cases.nav')}</NavLink>
        <NavLink to="/agencies">{t('agencies.nav')}</NavLink>
        {can(role, 'activities') && <NavLink to="/activities">{t('activities.nav')}</NavLink>}
        <NavLink to="/meetings">{t('meetings.nav')}</NavLink>
        {(me.data?.role === 'admin' || me.data?.role === 'supervisor') && (
          <NavLink to="/meeting-bodies">{t('meetingBodies.nav')}</NavLink>
        )}
        {can(role, 'supervision') && <NavLink to="/supervision">{t('supervision.nav')}</NavLink>}
        {can(role, 'statisticsInMenu') && <NavLink to="/statistics">{t('statistics.nav')}</NavLink>}
        {me.data?.role === 'admin' && (
          <>
            <NavLink to="/admin/sessions">{t('admin.nav')}</NavLink>
            <NavLink to="/admin/audit">{t('admin.auditNav')}</NavLink>
            <NavLink to="/admin/users">{t('usersAdmin.nav')}</NavLink>
            <NavLink to="/admin/areas">{t('areasAdmin.nav')}</NavLink>
          </>
        )}
      </nav>
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
