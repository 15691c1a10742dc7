import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LanguageSwitch } from '@/shared/ui/language-switch';

/** The frame of the public pages: no staff menu, no login, readable on a phone. */
export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="public-page">
      <title>{`${title} | ${t('publicReport.siteName')}`}</title>
      <header className="public-header">
        <span className="public-site">{t('publicReport.siteName')}</span>
        <LanguageSwitch />
      </header>
      <main className="public-main">
        {/* Above every form: someone in danger must not scroll past a form to learn to call 119/110. */}
        <p className="public-emergency" role="note">
          {t('publicReport.emergency')}
        </p>
        {children}
      </main>
      <footer className="public-footer">
        <nav aria-label={t('publicReport.footerNav')}>
          <ul>
            <li>
              <Link to="/report">{t('publicReport.linkToForm')}</Link>
            </li>
            <li>
              <Link to="/report/status">{t('publicReport.linkToStatus')}</Link>
            </li>
          </ul>
        </nav>
      </footer>
    </div>
  );
}
