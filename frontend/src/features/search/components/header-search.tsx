import type { TFunction } from 'i18next';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { AreaName } from '@/shared/users/area-name';
import { StaffName } from '@/shared/users/staff-name';
import { formatWareki } from '@/shared/utils/datetime';
import { SEARCH_MAX_LENGTH, useSearch, type SearchResults, type SearchSection } from '../api/search';
import { receivedLabel } from '../utils/dates';

/** Ask once typing has paused this long. */
const DEBOUNCE_MS = 300;

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** One row of the results: where it leads (null: shown, not openable) and what it shows. */
type Entry = { key: string; section: SearchSection; href: string | null; body: ReactNode };

const SECTIONS: readonly SearchSection[] = ['persons', 'cases', 'consultations'];

/** 「対象者・ケース・相談を検索」 in the header: one box, results grouped as one types. */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const statusId = `${id}-status`;
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = text.trim();
  const query = useDebounced(typed, DEBOUNCE_MS);
  const search = useSearch(query);
  // Results for an earlier query stay on screen until the new ones come (placeholderData).
  const results = typed.length > 0 ? search.data : undefined;
  const entries = results ? toEntries(results, t) : [];
  const openable = entries.map((e, i) => (e.href ? i : -1)).filter((i) => i >= 0);
  // The answer on screen is for what is typed now (not an earlier query's, kept while asking).
  const settled = typed === query && !search.isFetching && !search.isPlaceholderData;
  const empty = settled && search.isSuccess && entries.length === 0;
  const unavailable = results?.unavailable ?? [];
  const panelOpen = open && typed.length > 0 && (entries.length > 0 || empty || unavailable.length > 0 || search.isError);

  // The highlight belongs to one list of results: a new list starts with none.
  useEffect(() => setActive(-1), [results]);

  useEffect(() => {
    if (!open) return;
    function onPointer(event: PointerEvent) {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  function go(entry: Entry | undefined) {
    if (!entry?.href) return;
    setOpen(false);
    setActive(-1);
    setText('');
    input.current?.blur();
    navigate(entry.href);
  }

  function step(direction: 1 | -1) {
    if (openable.length === 0) return;
    const at = openable.indexOf(active);
    const next = at < 0 ? (direction === 1 ? 0 : openable.length - 1) : (at + direction + openable.length) % openable.length;
    setActive(openable[next]!);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      step(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // The highlighted result; with none highlighted, the first that can be opened.
      const index = active >= 0 ? active : settled ? (openable[0] ?? -1) : -1;
      go(entries[index]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (panelOpen) {
        setOpen(false);
        setActive(-1);
      } else {
        setText('');
      }
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  }

  let status = '';
  if (panelOpen && empty) status = t('search.noResults');
  else if (panelOpen && settled && entries.length > 0) status = t('search.found', { count: entries.length });

  return (
    <div className="hsearch" role="search" aria-label={t('search.label')} ref={root}>
      <label htmlFor={inputId} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        ref={input}
        id={inputId}
        type="search"
        role="combobox"
        className="hsearch-input"
        autoComplete="off"
        spellCheck={false}
        maxLength={SEARCH_MAX_LENGTH}
        aria-autocomplete="list"
        aria-expanded={panelOpen}
        aria-controls={listId}
        aria-activedescendant={panelOpen && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={statusId}
        placeholder={t('search.placeholder')}
        value={text}
        onFocus={() => setOpen(true)}
        onKeyDown={handleKeyDown}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
      />
      {typed.length > 0 && search.isFetching && <span className="hsearch-spinner muted">{t('search.searching')}</span>}
      {/* A live region, not role="status": the screens' own status messages stay the only ones. */}
      <span id={statusId} className="visually-hidden" aria-live="polite">
        {status}
      </span>
      <div className="hsearch-panel" hidden={!panelOpen}>
        <div id={listId} role="listbox" aria-label={t('search.results')}>
          {panelOpen &&
            SECTIONS.map((section) => {
              const rows = entries.map((e, i) => [e, i] as const).filter(([e]) => e.section === section);
              if (rows.length === 0) return null;
              const headingId = `${id}-${section}`;
              return (
                <div key={section} role="group" aria-labelledby={headingId} className="hsearch-group">
                  <div id={headingId} role="presentation" className="hsearch-group-title">
                    {t(`search.section.${section}`)}
                  </div>
                  {rows.map(([entry, i]) => (
                    <div
                      key={entry.key}
                      id={`${listId}-${i}`}
                      role="option"
                      aria-selected={i === active}
                      aria-disabled={entry.href ? undefined : true}
                      className={['hsearch-option', i === active ? 'active' : '', entry.href ? '' : 'disabled'].join(' ').trim()}
                      // Keep the focus in the box, so that the click lands before anything closes.
                      onMouseDown={(e) => e.preventDefault()}
                      onMouseEnter={() => entry.href && setActive(i)}
                      onClick={() => go(entry)}
                    >
                      {entry.body}
                    </div>
                  ))}
                </div>
              );
            })}
        </div>
        {panelOpen && unavailable.length > 0 && (
          <ul className="hsearch-notes">
            {unavailable.map((section) => (
              <li key={section}>{t(`search.unavailable.${section}`)}</li>
            ))}
          </ul>
        )}
        {panelOpen && empty && unavailable.length === 0 && <p className="hsearch-empty muted">{t('search.noResults')}</p>}
        {panelOpen && search.isError && (
          <p role="alert" className="alert">
            {t('search.failed')}
          </p>
        )}
      </div>
    </div>
  );
}

function toEntries(results: SearchResults, t: TFunction): Entry[] {
  const persons: Entry[] = results.persons.map((p) => {
    const first = p.cases[0];
    return {
      key: `p-${p.id}`,
      section: 'persons',
      href: first ? `/cases/${first}` : null,
      body: (
        <>
          <span className="hsearch-title">{p.name}</span>
          {p.name_kana && <span className="hsearch-kana">{p.name_kana}</span>}
          <span className="hsearch-meta">
            {p.birth_date && <span>{t('search.person.born', { date: formatWareki(`${p.birth_date}T12:00:00+09:00`) })}</span>}
            {p.area && (
              <span>
                <AreaName code={p.area} />
              </span>
            )}
            <span>
              {p.cases.length === 0
                ? t('search.person.noCase')
                : p.cases.length === 1
                  ? t('search.person.oneCase')
                  : t('search.person.cases', { count: p.cases.length })}
            </span>
          </span>
        </>
      ),
    };
  });
  const cases: Entry[] = results.cases.map((c) => ({
    key: `c-${c.id}`,
    section: 'cases',
    href: `/cases/${c.id}`,
    body: (
      <>
        <span className="hsearch-title">{c.title}</span>
        <span className="hsearch-meta">
          <span>{t(`home.status.${c.status}` as 'home.status.intake', { defaultValue: c.status })}</span>
          <span>
            <AreaName code={c.area} />
          </span>
          {c.lead_username && (
            <span>
              {t('search.case.lead')}
              <StaffName username={c.lead_username} />
            </span>
          )}
        </span>
      </>
    ),
  }));
  const consultations: Entry[] = results.consultations.map((c) => {
    const who = c.person_name ?? t('search.consultation.unknownPerson');
    const when = receivedLabel(c.received_at);
    return {
      key: `s-${c.id}`,
      section: 'consultations',
      href: `/consultations/${c.id}`,
      body: (
        <>
          <span className="hsearch-title">
            {c.urgent && <span className="badge urgent">{t('search.consultation.urgent')}</span>}
            {who}
          </span>
          <span className="hsearch-meta">
            <time dateTime={c.received_at}>{when}</time>
            <span>{t(`channel.${c.channel}` as 'channel.visit', { defaultValue: c.channel })}</span>
            <span>
              <AreaName code={c.area} />
            </span>
            <span>{t(`consultations.status.${c.status}` as 'consultations.status.open', { defaultValue: c.status })}</span>
          </span>
        </>
      ),
    };
  });
  return [...persons, ...cases, ...consultations];
}
