import { useTranslation } from 'react-i18next';
import { useCandidates } from '../api/get-candidates';
import { useConsultation } from '../api/get-consultation';
import { MatchCandidates } from './match-candidates';
import { TriageDecisionView } from './triage-decision';
import { TriageForm } from './triage-form';

/** The triage side of the consultation page: match candidates, then the form or the decision. */
export function TriagePanel({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const consultation = useConsultation(consultationId);
  const c = consultation.data;
  const personKnown = Boolean(
    c && (c.person_name || c.person_kana || c.person_birth_date || c.person_phone),
  );
  const candidates = useCandidates(consultationId, personKnown);
  if (!c) return consultation.isPending ? <p>{t('app.loading')}</p> : null;

  return (
    <div className="triage-panel">
      {c.status === 'open' && (
        <MatchCandidates
          candidates={candidates.data}
          isPending={candidates.isPending}
          isError={candidates.isError}
          personKnown={personKnown}
        />
      )}
      {c.status === 'open' ? (
        <TriageForm consultation={c} candidates={candidates.data ?? []} />
      ) : (
        <TriageDecisionView consultationId={consultationId} />
      )}
    </div>
  );
}
