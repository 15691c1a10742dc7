import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/shared/utils/datetime';
import { useOverrideRecommendation, useRecommendation } from '../api/recommendation';
import { meetingBodies, type MeetingBody } from '../api/types';
import { BodyName } from './case-badges';
import { CaseSection } from './case-section';
import { ProblemAlert, SectionError } from './problem-alert';
import type { SectionProps } from './section-props';

/** 推奨される会議体: what the rules recommend and why; a supervisor may send the case elsewhere. */
export function RecommendationSection(props: SectionProps) {
  const { t } = useTranslation();
  const { caseId, me } = props;
  const recommendation = useRecommendation(caseId);
  const [overriding, setOverriding] = useState(false);
  const isSupervisor = me?.role === 'supervisor';
  const r = recommendation.data;

  return (
    <CaseSection
      id="cases-recommendation"
      title={t('cases.sections.recommendation')}
      actions={
        isSupervisor &&
        !overriding && (
          <button type="button" className="button no-print" onClick={() => setOverriding(true)}>
            {t('cases.recommendation.override')}
          </button>
        )
      }
    >
      {recommendation.isPending && <p className="muted">{t('app.loading')}</p>}
      {recommendation.isError && (
        <SectionError error={recommendation.error} failed={t('cases.recommendation.loadError')} />
      )}
      {r && (
        <div className="cases-recommendation">
          <p className="cases-body-name">
            <span className="muted">{t('cases.recommendation.effective')}</span>
            <strong>
              <BodyName body={r.effective_body} />
            </strong>
          </p>
          <dl className="cases-dl">
            <dt>{t('cases.recommendation.recommended')}</dt>
            <dd>
              <BodyName body={r.recommended.body} />
            </dd>
            <dt>{t('cases.recommendation.reason')}</dt>
            <dd className="cases-reason">{r.recommended.reason}</dd>
            {r.override && (
              <>
                <dt>{t('cases.recommendation.overridden')}</dt>
                <dd>
                  <BodyName body={r.override.body} />
                  <span className="muted">
                    {' '}
                    {t('cases.recommendation.overriddenBy', {
                      by: r.override.by,
                      at: formatDateTime(r.override.at),
                    })}
                  </span>
                </dd>
                <dt>{t('cases.recommendation.overrideReason')}</dt>
                <dd className="cases-reason">{r.override.reason}</dd>
              </>
            )}
          </dl>
        </div>
      )}
      {overriding && <OverrideForm {...props} onDone={() => setOverriding(false)} />}
    </CaseSection>
  );
}

function OverrideForm({ caseId, etag, reload, onDone }: SectionProps & { onDone: () => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState<MeetingBody | ''>('');
  const [reason, setReason] = useState('');
  const override = useOverrideRecommendation(caseId, { onSuccess: onDone });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!body) return;
    override.mutate({ etag, body: { body, reason: reason.trim() } });
  }

  return (
    <form className="form cases-form no-print" onSubmit={handleSubmit} aria-label={t('cases.recommendation.override')}>
      <ProblemAlert
        error={override.error}
        onReload={() => {
          override.reset();
          onDone();
          reload();
        }}
        failed={t('cases.recommendation.failed')}
      />
      <div className="field">
        <label htmlFor="cases-override-body">{t('cases.recommendation.overrideBody')}</label>
        <select
          id="cases-override-body"
          required
          value={body}
          onChange={(e) => setBody(e.target.value as MeetingBody)}
        >
          <option value="">{t('cases.choose')}</option>
          {meetingBodies.map((b) => (
            <option key={b} value={b}>
              {t(`cases.body.${b}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="cases-override-reason">{t('cases.recommendation.overrideReason')}</label>
        <textarea
          id="cases-override-reason"
          required
          rows={3}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={override.isPending}>
          {t('cases.recommendation.overrideSubmit')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('cases.cancel')}
        </button>
      </div>
    </form>
  );
}
