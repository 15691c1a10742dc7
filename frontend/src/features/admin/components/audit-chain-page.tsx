import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/shared/ui/problem-alert';
import { formatDateTime } from '@/shared/utils/datetime';
import { type Anchor, useAnchors, useMakeAnchor, useVerifyChain } from '../api/audit-chain';

const REASONS = ['content-changed', 'link-broken', 'head-mismatch', 'anchor-mismatch'] as const;

function isReason(value: string): value is (typeof REASONS)[number] {
  return REASONS.includes(value as (typeof REASONS)[number]);
}

function download(anchors: Anchor[]) {
  const blob = new Blob([JSON.stringify(anchors, null, 2)], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `tsunagu-audit-anchors-${new Date().toISOString().slice(0, 10)}.json`;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** 監査ログの検証: whether the audit trail is as it was written, and its signed anchors to keep. */
export function AuditChainPage() {
  const { t } = useTranslation();
  const verify = useVerifyChain();
  const anchors = useAnchors();
  const makeAnchor = useMakeAnchor();
  const report = verify.data;
  const messages = {
    stale: t('admin.audit.failed'),
    reload: t('admin.audit.verify'),
    failed: t('admin.audit.failed'),
    invalid: t('admin.audit.failed'),
    forbidden: t('admin.sessions.forbidden'),
    network: t('admin.audit.failed'),
  };

  return (
    <div className="admin-audit">
      <h1>{t('admin.audit.title')}</h1>
      <p className="muted">{t('admin.audit.help')}</p>
      <section className="card" aria-labelledby="admin-audit-verify">
        <h2 id="admin-audit-verify">{t('admin.audit.verifyTitle')}</h2>
        <button type="button" className="button primary" onClick={() => verify.mutate()} disabled={verify.isPending}>
          {t('admin.audit.verify')}
        </button>
        {verify.isError && <ProblemAlert error={verify.error} messages={messages} />}
        {report && (
          <div role="status" className={report.intact ? 'notice' : 'alert'}>
            {report.intact
              ? t('admin.audit.intact', { events: report.events, outcomes: report.outcomes, anchors: report.anchors_checked })
              : t('admin.audit.broken', {
                  key: report.first_break?.key ?? '—',
                  reason: report.first_break
                    ? t(`admin.audit.reasons.${isReason(report.first_break.reason) ? report.first_break.reason : 'content-changed'}`)
                    : '',
                })}
            <span className="supervision-meta">
              {' '}
              <time dateTime={report.checked_at}>{formatDateTime(report.checked_at)}</time>
            </span>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="admin-audit-anchors">
        <h2 id="admin-audit-anchors">{t('admin.audit.anchorsTitle')}</h2>
        <p className="muted">{t('admin.audit.anchorsHelp')}</p>
        <div className="supervision-actions">
          <button type="button" className="button" onClick={() => makeAnchor.mutate()} disabled={makeAnchor.isPending}>
            {t('admin.audit.anchorNow')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => anchors.data && download(anchors.data)}
            disabled={!anchors.data?.length}
          >
            {t('admin.audit.export')}
          </button>
        </div>
        {makeAnchor.isError && <ProblemAlert error={makeAnchor.error} messages={messages} />}
        {anchors.data && anchors.data.length === 0 && <p className="muted">{t('admin.audit.noAnchors')}</p>}
        {anchors.data && anchors.data.length > 0 && (
          <ul className="supervision-list">
            {anchors.data
              .slice(-10)
              .reverse()
              .map((anchor) => (
                <li key={anchor.id}>
                  <time dateTime={anchor.created_at}>{formatDateTime(anchor.created_at)}</time>{' '}
                  {t('admin.audit.anchorLine', { event: anchor.event_id ?? '—', hash: anchor.event_hash.slice(0, 16) })}
                </li>
              ))}
          </ul>
        )}
      </section>
    </div>
  );
}
