import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/shared/api/errors';

type Props = {
  error: unknown;
  /** Offered on 412/428: someone else changed it; read it again. */
  onReload?: () => void;
  /** What the user was doing, e.g. 「保存できませんでした。」 */
  failed?: string;
};

// pydantic's and meeting-api's field messages are English; the desk reads Japanese.
const MESSAGES: [RegExp, string][] = [
  [/ends_at must be after starts_at/, 'meetings.errors.endBeforeStart'],
  [/must be an http\(s\) URL/, 'meetings.errors.url'],
  [/not members of this 支援会議/, 'meetings.errors.notMembers'],
  [/the body has no default duration/, 'meetings.errors.noDuration'],
  [/the body has no default rule/, 'meetings.errors.noRule'],
  [/needs count or until/, 'meetings.errors.needCount'],
  [/more than \d+ meetings/, 'meetings.errors.tooMany'],
  [/gives no (meeting|date)/, 'meetings.errors.ruleEmpty'],
  [/RRULE|FREQ|COUNT and UNTIL|rule cannot/, 'meetings.errors.rule'],
  [/no active meeting body/, 'meetings.errors.noBody'],
  [/differs from the body's type/, 'meetings.errors.bodyType'],
  [/a 支援会議 needs its body/, 'meetings.errors.shienNeedsBody'],
  [/owner must be/, 'meetings.errors.owner'],
  [/not an agenda item/, 'meetings.errors.notAgendaItem'],
  [/each (participant|attendee) once/, 'meetings.errors.duplicateName'],
  [/staff members need a username/, 'meetings.errors.username'],
  [/agency contacts need/, 'meetings.errors.agencyContact'],
  [/may not be null/, 'meetings.errors.required'],
  [/required/, 'meetings.errors.required'],
];

/** One field error of a 422 as a Japanese sentence. */
export function describeFieldError(item: { msg: string; type: string }, t: TFunction): string {
  const raw = item.msg.replace(/^Value error, /, '');
  for (const [pattern, key] of MESSAGES) {
    if (pattern.test(raw)) {
      const names = /: (.+)$/.exec(raw)?.[1];
      return t(key as 'meetings.errors.required', { names: names ?? '' });
    }
  }
  if (item.type === 'missing' || item.type === 'string_too_short') return t('meetings.errors.required');
  if (item.type === 'string_too_long' || item.type === 'too_long') return t('meetings.errors.tooLong');
  if (item.type === 'string_pattern_mismatch') return t('meetings.errors.pattern');
  if (item.type.startsWith('date') || item.type.startsWith('time')) return t('meetings.errors.date');
  if (item.type === 'enum' || item.type === 'literal_error') return t('meetings.errors.choice');
  if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(raw)) return raw;
  return t('meetings.errors.format');
}

const FIELD_KEYS: Record<string, string> = {
  body_id: 'meetings.form.body',
  body_type: 'meetings.form.bodyType',
  title: 'meetings.form.title',
  starts_at: 'meetings.form.start',
  starts_on: 'meetings.form.date',
  ends_at: 'meetings.form.end',
  place: 'meetings.form.place',
  online_url: 'meetings.form.onlineUrl',
  participants: 'meetings.form.participants',
  rrule: 'meetings.form.rule',
  count: 'meetings.form.count',
  until: 'meetings.form.count',
  reason: 'meetings.cancel.reason',
  case_id: 'meetings.agenda.caseId',
  note: 'meetings.agenda.note',
  attendees: 'meetings.minutes.attendance',
  agency_attendees: 'meetings.minutes.agencyAttendees',
  discussion: 'meetings.minutes.discussion',
  text: 'meetings.minutes.decisionText',
  owner: 'meetings.minutes.owner',
  owner_kind: 'meetings.minutes.ownerKind',
  due_date: 'meetings.minutes.dueDate',
  name: 'meetings.minutes.agencyName',
  agency_id: 'meetings.minutes.agencyId',
};

function fieldLabel(loc: (string | number)[], t: TFunction): string {
  const named = [...loc].reverse().find((part): part is string => typeof part === 'string' && part !== 'body');
  const key = named ? FIELD_KEYS[named] : undefined;
  return key ? t(key as 'meetings.form.title') : loc.filter((p) => p !== 'body').join('.');
}

/** An API error as the user should read it: the server's Japanese title, field errors, or a reload prompt. */
export function ProblemAlert({ error, onReload, failed }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const status = apiError?.status;

  if (status === 412 || status === 428) {
    return (
      <div role="alert" className="alert meetings-alert">
        <p>{t('meetings.errors.stale')}</p>
        {onReload && (
          <button type="button" className="button" onClick={onReload}>
            {t('meetings.errors.reload')}
          </button>
        )}
      </div>
    );
  }

  const problem = apiError?.problem;
  const fieldErrors = Array.isArray(problem?.errors) ? problem.errors : [];
  let headline = failed ?? t('meetings.errors.failed');
  if (status === 422 && fieldErrors.length > 0) headline = t('meetings.errors.invalid');
  else if (status === 403) headline = t('meetings.errors.forbidden');
  const title = problem?.title;
  const detail = problem?.detail;

  return (
    <div role="alert" className="alert meetings-alert">
      <p>{headline}</p>
      {title && title !== headline && status !== 422 && <p>{title}</p>}
      {detail && detail !== title && <p>{detail}</p>}
      {fieldErrors.length > 0 && (
        <ul>
          {fieldErrors.map((item, i) => (
            <li key={i}>
              {fieldLabel(item.loc, t)}
              {t('meetings.errors.separator')}
              {describeFieldError(item, t)}
            </li>
          ))}
        </ul>
      )}
      {!apiError && <p>{t('meetings.errors.network')}</p>}
    </div>
  );
}
