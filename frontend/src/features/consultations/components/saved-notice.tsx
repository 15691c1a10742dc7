import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { Consultation } from '../api/get-consultations';

/** After the intake form: what was registered, as the server stored it. */
export function SavedNotice() {
  const { t } = useTranslation();
  const location = useLocation();
  const saved = (location.state as { saved?: Consultation } | null)?.saved;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [saved]);
  if (!saved) return null;
  return (
    <div ref={ref} tabIndex={-1} role="status" className="notice-success saved-notice">
      <p>
        <strong>{t('consultations.saved.title')}</strong>{' '}
        <Link to={`/consultations/${saved.id}`}>{t('consultations.saved.open')}</Link>
      </p>
      {(saved.person_name || saved.person_kana) && (
        <p>
          {t('consultations.saved.person', {
            name: saved.person_name ?? t('consultations.unknownPerson'),
            kana: saved.person_kana ?? '—',
          })}
        </p>
      )}
      {saved.urgent && <p className="saved-urgent">{t('consultations.saved.urgent')}</p>}
    </div>
  );
}
