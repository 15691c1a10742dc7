import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';

/** Rows per page of the case lists. */
export const PAGE_SIZE = 25;

/**
 * The 1-based page number kept in the URL (?page=2), so that reload and back keep it; page 1 leaves
 * the parameter out. Returns the page, its API offset, and a function to go to another page.
 */
export function usePageParam(
  name = 'page',
  pageSize = PAGE_SIZE,
): { page: number; offset: number; goTo: (page: number) => void } {
  const [params, setParams] = useSearchParams();
  const parsed = Number.parseInt(params.get(name) ?? '', 10);
  const page = Number.isFinite(parsed) && parsed > 1 ? parsed : 1;
  const goTo = (next: number) => {
    const updated = new URLSearchParams(params);
    if (next > 1) updated.set(name, String(next));
    else updated.delete(name);
    setParams(updated);
  };
  return { page, offset: (page - 1) * pageSize, goTo };
}

type PagerProps = {
  total: number;
  page: number;
  onPage: (page: number) => void;
  pageSize?: number;
  /** What the pages are of, for the navigation's accessible name. */
  label: string;
};

/** 「全 N 件中 1–25 件」 with 前へ / 次へ; the buttons only when there is more than one page. */
export function Pager({ total, page, onPage, pageSize = PAGE_SIZE, label }: PagerProps) {
  const { t } = useTranslation();
  const from = Math.min(total, (page - 1) * pageSize + 1);
  const to = Math.min(total, page * pageSize);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const range =
    total === 0 || from > total
      ? t('paging.none', { total })
      : t('paging.range', { total, from, to });
  if (total <= pageSize && page === 1) {
    return (
      <p className="muted pager-range" aria-live="polite">
        {range}
      </p>
    );
  }
  return (
    <nav className="pager" aria-label={t('paging.nav', { what: label })}>
      <button
        type="button"
        className="button"
        disabled={page <= 1}
        onClick={() => onPage(Math.min(page - 1, pages))}
      >
        {t('paging.previous')}
      </button>
      <span className="pager-range" aria-live="polite">
        {range}
        <span className="muted">{t('paging.page', { page, pages })}</span>
      </span>
      <button type="button" className="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('paging.next')}
      </button>
    </nav>
  );
}
