import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isJapanese, locField, plainMessage, type FieldError } from '@/shared/api/errors';
import { ProblemAlert as SharedProblemAlert, type ProblemAlertProps } from '@/shared/ui/problem-alert';

const FIELD_KEYS: Record<string, string> = {
  name: 'meetingBodies.form.name',
  type: 'meetingBodies.form.type',
  area: 'meetingBodies.form.area',
  default_rrule: 'meetingBodies.form.rule',
  default_start_time: 'meetingBodies.form.startTime',
  default_duration_minutes: 'meetingBodies.form.duration',
  place: 'meetingBodies.form.place',
  username: 'meetingBodies.members.username',
  agency_id: 'meetingBodies.members.agency',
  role: 'meetingBodies.members.role',
};

/** One field error of a 422 in plain Japanese. */
function describeFieldError(item: FieldError, t: TFunction): string {
  const raw = plainMessage(item);
  if (item.type === 'missing') return t('meetingBodies.errors.required');
  if (/RRULE|FREQ|rule/.test(raw)) return t('meetingBodies.errors.rule');
  if (isJapanese(raw)) return raw;
  return t('meetingBodies.errors.format');
}

/** A field's name as the body forms label it. */
function fieldLabel(loc: FieldError['loc'], t: TFunction): string {
  const field = locField(loc);
  const key = field ? FIELD_KEYS[field] : undefined;
  return key ? t(key as 'meetingBodies.form.name') : (field ?? '');
}

/** The shared problem alert in the meeting-bodies feature's words. */
export function ProblemAlert(props: Pick<ProblemAlertProps, 'error' | 'failed' | 'onReload'>) {
  const { t } = useTranslation();
  if (!props.error) return null;
  const messages = {
    stale: t('meetingBodies.errors.stale'),
    reload: t('meetingBodies.errors.reload'),
    failed: t('meetingBodies.errors.failed'),
    invalid: t('meetingBodies.errors.invalid'),
    forbidden: t('meetingBodies.errors.forbidden'),
    network: t('meetingBodies.errors.network'),
    separator: t('meetingBodies.errors.separator'),
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
