import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isJapanese, locField, locPath, plainMessage } from '@/shared/api/errors';
import { ProblemAlert as SharedProblemAlert, type ProblemAlertProps } from '@/shared/ui/problem-alert';

type Props = Pick<ProblemAlertProps, 'error' | 'onReload' | 'failed'>;

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
  const raw = plainMessage(item);
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
  if (isJapanese(raw)) return raw;
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
  const named = locField(loc);
  const key = named ? FIELD_KEYS[named] : undefined;
  return key ? t(key as 'meetings.form.title') : locPath(loc);
}

/**
 * The shared problem alert in the meetings feature's words: field names as the forms label them
 * and the API's English field messages in Japanese.
 */
export function ProblemAlert(props: Props) {
  const { t } = useTranslation();
  if (!props.error) return null;
  const messages = {
    stale: t('meetings.errors.stale'),
    reload: t('meetings.errors.reload'),
    failed: t('meetings.errors.failed'),
    invalid: t('meetings.errors.invalid'),
    forbidden: t('meetings.errors.forbidden'),
    network: t('meetings.errors.network'),
    separator: t('meetings.errors.separator'),
  };
  return (
    <SharedProblemAlert
      {...props}
      messages={messages}
      className="meetings-alert"
      fieldLabel={(loc) => fieldLabel(loc, t)}
      describeFieldError={(item) => describeFieldError(item, t)}
    />
  );
}
