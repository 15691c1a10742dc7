import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { dueSafetyChecksQueryOptions } from '@/features/home/api/get-due-safety-checks';
import { useCurrentUser } from '@/shared/auth/current-user';
import { can } from '@/shared/auth/permissions';
import { useMarkAllRead, useMarkRead, useNotifications, type Notice } from '../api/notifications';
import { noticeTime } from '../utils/time';

/** How many notices the panel shows at first, and how many more each 「さらに表示」 adds. */
const PAGE = 20;
/** The most one request answers. */
const MAX = 200;
/** A safety check counts as 「期限が近い」 this long before it falls due. */
const SOON_MS = 60 * 60_000;

/** The header's お知らせ: the unread count, the caller's notices, and the safety checks falling due. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const id = useId();
  const panelId = `${id}-panel`;
  const [open, setOpen] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  const inbox = useNotifications(limit, Boolean(me.data));
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  // The same query as the home page's card (one request serves both); an SC sees no safety checks.
  const mayCheck = can(me.data?.role, 'safetyChecks');
  const checks = useQuery({ ...dueSafetyChecksQueryOptions(), enabled: mayCheck });
  const soon = Date.now() + SOON_MS;
  const dueCount = (checks.data ?? []).filter((c) => c.overdue || new Date(c.due_at).getTime() <= soon).length;

  const unread = inbox.data?.unread ?? 0;
  const items = inbox.data?.items ?? [];
  const total = inbox.data?.total ?? 0;

  // Escape or a click elsewhere closes the panel; Escape gives the focus back to the bell.
  useEffect(() => {
    if (!open) return;
    function onKey(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    }
    function onPointer(event: PointerEvent) {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  function toggle() {
    if (!open) void inbox.refetch();
    setOpen((o) => !o);
  }

  function follow(notice: Notice) {
    if (!notice.read_at) markRead.mutate(notice.id);
    setOpen(false);
    // Only the SPA's own paths: a notice never sends anyone off the site.
    if (notice.link && notice.link.startsWith('/') && !notice.link.startsWith('//')) navigate(notice.link);
  }

  const label = unread > 0 ? t('notifications.buttonUnread', { count: unread }) : t('notifications.button');

  return (
    <div className="notif" ref={root}>
      <button
        ref={button}
        type="button"
        className="button notif-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
      >
        <svg className="notif-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {/* The name as text, not aria-label: the badge shows 99+ where the name says the whole count. */}
        <span className="visually-hidden">{label}</span>
        {unread > 0 && (
          <span className="notif-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      <div id={panelId} className="notif-panel" role="region" aria-label={t('notifications.title')} hidden={!open}>
        {open && (
          <>
            <div className="notif-head">
              <h2>{t('notifications.title')}</h2>
              <span className="muted">{t('notifications.unread', { count: unread })}</span>
              {unread > 0 && (
                <button
                  type="button"
                  className="button notif-read-all"
                  disabled={markAll.isPending}
                  onClick={() => markAll.mutate()}
                >
                  {t('notifications.readAll')}
                </button>
              )}
            </div>
            {mayCheck && dueCount > 0 && (
              <p className="notif-due">
                <Link to="/" onClick={() => setOpen(false)}>
                  {t('notifications.dueChecks', { count: dueCount })}
                </Link>
              </p>
            )}
            {inbox.isPending && <p className="muted">{t('app.loading')}</p>}
            {inbox.isError && (
              <p role="alert" className="alert">
                {t('notifications.loadError')}
              </p>
            )}
            {markAll.isError && (
              <p role="alert" className="alert">
                {t('notifications.markError')}
              </p>
            )}
            {inbox.isSuccess && items.length === 0 && <p className="muted">{t('notifications.empty')}</p>}
            {items.length > 0 && (
              <ul className="notif-list">
                {items.map((n) => (
                  <li key={n.id} className={n.read_at ? 'notif-item' : 'notif-item notif-unread'}>
                    <button type="button" className="notif-link" onClick={() => follow(n)}>
                      <span className="notif-meta">
                        <span className={`badge notif-kind notif-kind-${n.kind}`}>{t(`notifications.kind.${n.kind}`)}</span>
                        <time dateTime={n.created_at}>{noticeTime(n.created_at, i18n.language)}</time>
                        {!n.read_at && <span className="visually-hidden">{t('notifications.unreadMark')}</span>}
                      </span>
                      <span className="notif-text">{n.text}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {items.length < total && limit < MAX && (
              <button type="button" className="button notif-more" onClick={() => setLimit((l) => Math.min(MAX, l + PAGE))}>
                {t('notifications.more')}
              </button>
            )}
          </>
        )}
      </div>
    </div>
  );
}
