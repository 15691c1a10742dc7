import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAreaName } from './areas';
import { useStaffName } from './names';
import { useStaffSearch, type StaffMember, type StaffRole } from './search';
import { StaffName } from './staff-name';

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

type PickerProps = {
  label: string;
  /** The chosen username ('' for nobody). */
  value: string;
  onChange: (username: string) => void;
  /** The input's id (for a label elsewhere or for error messages); generated when not given. */
  id?: string;
  hint?: string;
  required?: boolean;
  /** Offer only these roles (e.g. staff, not agency members). */
  roles?: readonly StaffRole[];
  /** Usernames not to offer (already chosen). */
  exclude?: readonly string[];
  /** Extra ids for aria-describedby (a field error). */
  describedBy?: string;
  invalid?: boolean;
  /** Multi mode: the typed text is only a search, a choice is handed to onChange and the box empties. */
  multiple?: boolean;
  /** Hide the visible label (the surrounding fieldset names it). */
  hideLabel?: boolean;
};

/**
 * 職員を選ぶ: a combobox that searches the staff directory by name, kana (either script) or username
 * as one types and stores the username. In single mode what is typed counts as a username until a
 * person is chosen, so a username typed in full still works.
 */
export function StaffPicker({
  label,
  value,
  onChange,
  id,
  hint,
  required,
  roles,
  exclude = [],
  describedBy,
  invalid,
  multiple = false,
  hideLabel = false,
}: PickerProps) {
  const { t } = useTranslation();
  const auto = useId();
  const inputId = id ?? `${auto}-input`;
  const listId = `${auto}-list`;
  const hintId = `${auto}-hint`;
  const statusId = `${auto}-status`;
  // null while not typing: the box then shows the chosen person's name.
  const [text, setText] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = useDebounced((text ?? '').trim(), 200);
  const search = useStaffSearch(query, open);
  const chosen = useStaffName(!multiple && text === null && value ? value : null);
  const areaName = useAreaName();

  const options = (search.data ?? []).filter(
    (u) => (!roles || roles.includes(u.role)) && !exclude.includes(u.username),
  );
  const typing = text !== null && text.trim().length > 0;
  const settled = !search.isFetching && query === (text ?? '').trim();
  const listOpen = open && typing && options.length > 0;
  const noMatch = open && typing && settled && search.isSuccess && options.length === 0;
  const unknown = !multiple && text === null && value !== '' && chosen.isSuccess && chosen.data === null;

  let shown = text ?? '';
  if (text === null && !multiple && value) {
    const entry = chosen.data;
    shown = entry ? (entry.active ? entry.display_name : t('staff.former', { name: entry.display_name })) : value;
  }

  function choose(member: StaffMember) {
    onChange(member.username);
    setText(multiple ? '' : null);
    setOpen(false);
    setActive(-1);
  }

  function exactMatch(typed: string): StaffMember | undefined {
    const wanted = typed.trim().normalize('NFKC');
    if (!wanted) return undefined;
    const hits = options.filter((u) => u.username === wanted || u.display_name.normalize('NFKC') === wanted);
    return hits.length === 1 ? hits[0] : undefined;
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) setOpen(true);
      if (text === null) setText(shown);
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      const pick = listOpen ? (options[active] ?? (text !== null ? exactMatch(text) : undefined)) : undefined;
      if (pick) {
        event.preventDefault();
        choose(pick);
      } else if (multiple) {
        // Enter in the search box must not send the surrounding form.
        event.preventDefault();
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text !== null) {
        event.preventDefault();
        setText(multiple ? '' : null);
      }
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  }

  function handleBlur() {
    setOpen(false);
    setActive(-1);
    if (text === null) return;
    const match = exactMatch(text);
    if (match) {
      choose(match);
      return;
    }
    if (!multiple) setText(null);
  }

  const described = [hint ? hintId : null, unknown || noMatch ? statusId : null, describedBy]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="staff-picker">
      <label htmlFor={inputId} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <div className="staff-picker-box">
        <input
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={listOpen}
          aria-controls={listId}
          aria-activedescendant={listOpen && active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={described || undefined}
          aria-invalid={invalid || undefined}
          required={required}
          value={shown}
          placeholder={t('staffPicker.placeholder')}
          onFocus={() => setOpen(true)}
          onBlur={handleBlur}
          onKeyDown={handleKeyDown}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
            if (!multiple) onChange(e.target.value.trim());
          }}
        />
        <ul id={listId} role="listbox" aria-label={t('staffPicker.options')} className="staff-picker-list" hidden={!listOpen}>
          {listOpen &&
            options.map((u, i) => (
              <li
                key={u.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                // Keep the focus in the box, so that the click lands before blur closes the list.
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(u)}
              >
                <span className="staff-picker-name">{u.display_name}</span>
                {u.display_kana && <span className="staff-picker-kana">{u.display_kana}</span>}
                <span className="staff-picker-meta">
                  {t(`role.${u.role}`)}
                  {u.area && `・${areaName(u.area)}`}
                </span>
              </li>
            ))}
        </ul>
      </div>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {(unknown || noMatch) && (
        <p id={statusId} className="hint staff-picker-warning">
          {unknown ? t('staffPicker.unknown', { username: value }) : t('staffPicker.noMatch')}
        </p>
      )}
    </div>
  );
}

type MultiProps = {
  label: string;
  values: readonly string[];
  onChange: (usernames: string[]) => void;
  hint?: string;
  roles?: readonly StaffRole[];
};

/** Several people: the chosen ones by name, each with a remove button, and a picker to add one. */
export function StaffMultiPicker({ label, values, onChange, hint, roles }: MultiProps) {
  const { t } = useTranslation();
  return (
    <div className="staff-multi">
      {values.length > 0 && (
        <ul className="staff-chips" aria-label={t('staffPicker.chosen', { label })}>
          {values.map((username) => (
            <li key={username} className="staff-chip">
              <StaffName username={username} />
              <ChipRemove username={username} onRemove={() => onChange(values.filter((u) => u !== username))} />
            </li>
          ))}
        </ul>
      )}
      <StaffPicker
        label={label}
        value=""
        multiple
        hint={hint}
        roles={roles}
        exclude={values}
        onChange={(username) => onChange(values.includes(username) ? [...values] : [...values, username])}
      />
    </div>
  );
}

function ChipRemove({ username, onRemove }: { username: string; onRemove: () => void }) {
  const { t } = useTranslation();
  const name = useStaffName(username);
  return (
    <button
      type="button"
      className="staff-chip-remove"
      aria-label={t('staffPicker.remove', { name: name.data?.display_name ?? username })}
      onClick={onRemove}
    >
      ×
    </button>
  );
}
