import { useTranslation } from 'react-i18next';
import { ApiError } from '@/shared/api/errors';
import { formatDateTime, formatWareki } from '@/shared/utils/datetime';
import { useCurrentUser } from '@/shared/auth/current-user';
import { can } from '@/shared/auth/permissions';
import { StaffName } from '@/shared/users/staff-name';
import { useAcknowledgeFollowUp } from '../api/acknowledge-follow-up';
import { useAreas } from '../api/get-areas';
import { useConsultation } from '../api/get-consultation';
import { useConsultationMessages } from '../api/get-consultation-messages';
import type { Consultation } from '../api/get-consultations';
import { ageOn, warekiOfDate } from '../utils/birth-date';
import { concerns as concernOrder } from '../utils/vocabulary';

/** Everything recorded at intake, as on the 申込票, and the reporter's later additions. */
export function ConsultationDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const consultation = useConsultation(id);

  if (consultation.isPending) return <p>{t('app.loading')}</p>;
  if (consultation.isError) {
    const notFound = consultation.error instanceof ApiError && consultation.error.status === 404;
    return (
      <p role="alert" className="alert">
        {notFound ? t('consultations.detail.notFound') : t('consultations.detail.loadError')}
      </p>
    );
  }
  return <DetailBody c={consultation.data} />;
}

function DetailBody({ c }: { c: Consultation }) {
  const { t } = useTranslation();
  const areas = useAreas();
  const areaName =
    c.area === 'unassigned'
      ? t('consultations.unassigned')
      : (areas.data?.find((a) => a.code === c.area)?.name ?? c.area);
  const none = <span className="muted">{t('consultations.detail.none')}</span>;
  const value = (text: string | null | undefined) => (text ? text : none);
  const checked = concernOrder.filter((code) => c.concerns.includes(code));

  return (
    <div className="consultation-detail">
      <div className="detail-head">
        <h1>
          {t('consultations.detail.title')}
          {c.urgent && <span className="badge urgent">{t('consultations.urgentBadge')}</span>}
        </h1>
        <p className="muted">
          {t(`channel.${c.channel}`)}・
          <time dateTime={c.received_at}>{formatDateTime(c.received_at)}</time>（
          {formatWareki(c.received_at)}）・{t(`consultations.status.${c.status}`)}
        </p>
      </div>

      {c.urgent && (
        <p className="alert detail-urgent">
          {c.risks.length > 0
            ? t('consultations.detail.urgentWithRisks', {
                risks: c.risks.map((r) => t(`consultations.risks.${r}`)).join('・'),
              })
            : t('consultations.detail.urgent')}
        </p>
      )}

      {c.follow_up_pending_since && c.last_follow_up_at && (
        <FollowUpMark id={c.id} lastAt={c.last_follow_up_at} />
      )}

      <section className="card detail-section" aria-labelledby="consultation-reception">
        <h2 id="consultation-reception">{t('consultations.form.sectionReception')}</h2>
        <dl className="detail-list">
          <dt>{t('consultations.form.channel')}</dt>
          <dd>{t(`channel.${c.channel}`)}</dd>
          <dt>{t('consultations.form.receivedAt')}</dt>
          <dd>
            <time dateTime={c.received_at}>{formatDateTime(c.received_at)}</time>
          </dd>
          <dt>{t('consultations.form.receivedBy')}</dt>
          <dd>
            {c.received_by === 'public-form' ? t('consultations.detail.publicForm') : <StaffName username={c.received_by} />}
          </dd>
          <dt>{t('consultations.form.area')}</dt>
          <dd>{areaName}</dd>
          {(c.referrer || c.external_ref) && (
            <>
              <dt>{t('consultations.form.referrer')}</dt>
              <dd>{value(c.referrer)}</dd>
              <dt>{t('consultations.form.externalRef')}</dt>
              <dd>{value(c.external_ref)}</dd>
            </>
          )}
          <dt>{t('consultations.form.sectionConsulter')}</dt>
          <dd>
            {c.consulter ? (
              <>
                {t(`consultations.relation.${c.consulter.relation}`)}
                {c.consulter.name && `・${c.consulter.name}`}
                {c.consulter.phone && `・${c.consulter.phone}`}
              </>
            ) : c.channel === 'anonymous' ? (
              t('consultations.detail.anonymousReporter')
            ) : (
              t('consultations.form.consulterSelf')
            )}
          </dd>
          <dt>{t('consultations.detail.consent')}</dt>
          <dd>{t(`consultations.consent.${c.consent}`)}</dd>
        </dl>
      </section>

      <section className="card detail-section" aria-labelledby="consultation-person">
        <h2 id="consultation-person">{t('consultations.form.sectionPerson')}</h2>
        <dl className="detail-list">
          <dt>{t('consultations.form.personName')}</dt>
          <dd>
            {c.person_name ?? <span className="muted">{t('consultations.unknownPerson')}</span>}
          </dd>
          <dt>{t('consultations.form.personKana')}</dt>
          <dd>{value(c.person_kana)}</dd>
          <dt>{t('consultations.form.personSex')}</dt>
          <dd>{c.person_sex ? t(`consultations.sex.${c.person_sex}`) : none}</dd>
          <dt>{t('consultations.form.personBirthDate')}</dt>
          <dd>
            {c.person_birth_date
              ? t('consultations.form.birthDateReading', {
                  wareki: warekiOfDate(c.person_birth_date),
                  iso: c.person_birth_date,
                  age: ageOn(c.person_birth_date),
                })
              : none}
          </dd>
          <dt>{t('consultations.form.personAddress')}</dt>
          <dd>{value(c.person_address)}</dd>
          <dt>{t('consultations.form.personPhone')}</dt>
          <dd>{value(c.person_phone)}</dd>
          <dt>{t('consultations.form.personEmail')}</dt>
          <dd>{value(c.person_email)}</dd>
        </dl>
      </section>

      <section className="card detail-section" aria-labelledby="consultation-content">
        <h2 id="consultation-content">{t('consultations.form.sectionContent')}</h2>
        {checked.length > 0 ? (
          <ul className="detail-concerns">
            {checked.map((code) => (
              <li key={code} className={code === c.main_concern ? 'main' : undefined}>
                {code === c.main_concern && (
                  <span aria-label={t('consultations.detail.mainConcern')}>◎ </span>
                )}
                {t(`consultations.concerns.${code}`)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('consultations.detail.noConcerns')}</p>
        )}
        <p className="detail-summary">{c.summary}</p>
      </section>

      <Messages id={c.id} />
    </div>
  );
}

/** A follow-up came after triage: it stays marked (here and in the list) until someone has read it. */
function FollowUpMark({ id, lastAt }: { id: string; lastAt: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const acknowledge = useAcknowledgeFollowUp(id);
  return (
    <div className="alert follow-up-mark" role="status">
      <p>{t('consultations.detail.followUpPending', { at: formatDateTime(lastAt) })}</p>
      {can(me.data?.role, 'consultations') && (
        <button
          type="button"
          className="button primary"
          disabled={acknowledge.isPending}
          onClick={() => acknowledge.mutate(lastAt)}
        >
          {t('consultations.detail.followUpAcknowledge')}
        </button>
      )}
      {acknowledge.isError && <p role="alert">{t('consultations.detail.followUpAcknowledgeFailed')}</p>}
    </div>
  );
}

function Messages({ id }: { id: string }) {
  const { t } = useTranslation();
  const messages = useConsultationMessages(id);
  if (!messages.data || messages.data.length === 0) {
    return messages.isError ? (
      <p role="alert" className="alert">
        {t('consultations.detail.messagesError')}
      </p>
    ) : null;
  }
  return (
    <section className="card detail-section" aria-labelledby="consultation-messages">
      <h2 id="consultation-messages">
        {t('consultations.detail.messages', { count: messages.data.length })}
      </h2>
      <ol className="detail-messages">
        {messages.data.map((m) => (
          <li key={m.id}>
            <p className="detail-message-head">
              <span className="badge reporter">
                {m.source === 'reporter'
                  ? t('consultations.detail.fromReporter')
                  : t('consultations.detail.addition')}
              </span>
              <time dateTime={m.created_at}>{formatDateTime(m.created_at)}</time>
            </p>
            <p className="detail-summary">{m.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
