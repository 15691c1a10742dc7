import { useTranslation } from 'react-i18next';
import type { Candidate } from '../api/get-candidates';
import { useCasesById } from '../api/get-cases';

type Props = {
  candidates: Candidate[] | undefined;
  isPending: boolean;
  isError: boolean;
  personKnown: boolean;
};

/** Existing persons who may be the person concerned, each with why it matched. */
export function MatchCandidates({ candidates, isPending, isError, personKnown }: Props) {
  const { t } = useTranslation();
  return (
    <section className="card triage-section" aria-labelledby="triage-candidates-title">
      <h2 id="triage-candidates-title">{t('triage.candidates.title')}</h2>
      {!personKnown && <p className="muted">{t('triage.candidates.unknownPerson')}</p>}
      {personKnown && isPending && <p>{t('app.loading')}</p>}
      {isError && (
        <p role="alert" className="alert">
          {t('triage.candidates.loadError')}
        </p>
      )}
      {personKnown && candidates?.length === 0 && (
        <p className="muted">{t('triage.candidates.none')}</p>
      )}
      {candidates && candidates.length > 0 && (
        <ul className="triage-candidates">
          {candidates.map((c) => (
            <CandidateItem key={c.person.id} candidate={c} />
          ))}
        </ul>
      )}
    </section>
  );
}

function CandidateItem({ candidate }: { candidate: Candidate }) {
  const { t } = useTranslation();
  const { person } = candidate;
  const cases = useCasesById(candidate.cases);
  return (
    <li className="triage-candidate">
      <p className="triage-candidate-head">
        <strong>{person.name}</strong>
        {person.name_kana && <span className="muted">（{person.name_kana}）</span>}
        <span className="triage-score">
          {t('triage.candidates.score', { score: candidate.score.toFixed(2) })}
        </span>
      </p>
      <p className="triage-matched">
        <span className="muted">{t('triage.candidates.matchedOn')}</span>
        {candidate.matched_on.map((m) => (
          <span key={m} className="badge match">
            {t(`triage.matchedOn.${m}`)}
          </span>
        ))}
      </p>
      <p className="muted triage-candidate-facts">
        {[person.birth_date, person.address, person.phone].filter(Boolean).join('・') ||
          t('triage.candidates.noFacts')}
      </p>
      {candidate.cases.length > 0 && (
        <p className="triage-candidate-cases">
          {t('triage.candidates.cases')}
          {cases.map((q, i) => (
            <span key={candidate.cases[i]} className="triage-case-ref">
              {q.data ? q.data.title : t('app.loading')}
            </span>
          ))}
        </p>
      )}
    </li>
  );
}
