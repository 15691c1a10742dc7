import { useTranslation } from 'react-i18next';
import type { SubmitPhase } from '../api/submit-report';

/** Announces the proof-of-work and the send (a polite live region, always in the page). */
export function SubmitProgress({ phase }: { phase: SubmitPhase }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" className="public-progress">
      {phase !== 'idle' && (
        <>
          <span>
            {phase === 'preparing' ? t('publicReport.preparing') : t('publicReport.sending')}
          </span>
          <progress aria-hidden="true" />
        </>
      )}
    </div>
  );
}
