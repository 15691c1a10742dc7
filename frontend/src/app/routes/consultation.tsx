import { useParams } from 'react-router-dom';
import { ConsultationDetail } from '@/features/consultations/components/consultation-detail';
import { TriagePanel } from '@/features/triage/components/triage-panel';

/** One consultation: what was received (consultations) beside its triage (triage). */
export function ConsultationRoute() {
  const { consultationId = '' } = useParams();
  return (
    <div className="consultation-page">
      <ConsultationDetail id={consultationId} />
      <TriagePanel consultationId={consultationId} />
    </div>
  );
}
