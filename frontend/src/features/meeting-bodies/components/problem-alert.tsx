import { useTranslation } from 'react-i18next';
import { ApiError } from '@/shared/api/errors';

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

/** An API error in plain Japanese: the server's title, field errors, or a reload prompt (412). */
export function ProblemAlert({ error, failed, onReload }: { error: unknown; failed?: string; onReload?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const status = apiError?.status;
  if (status === 412 || status === 428) {
    return (
      <div role="alert" className="alert meetings-alert">
        <p>{t('meetingBodies.errors.stale')}</p>
        {onReload && (
          <button type="button" className="button" onClick={onReload}>
            {t('meetingBodies.errors.reload')}
          </button>
        )}
      </div>
    );
  }
  const problem = apiError?.problem;
  const errors = Array.isArray(problem?.errors) ? problem.errors : [];
  const headline =
    status === 422 && errors.length > 0
      ? t('meetingBodies.errors.invalid')
      : status === 403
        ? t('meetingBodies.errors.forbidden')
        : (failed ?? t('meetingBodies.errors.failed'));
  return (
    <div role="alert" className="alert meetings-alert">
      <p>{headline}</p>
      {problem?.title && status !== 422 && problem.title !== headline && <p>{problem.title}</p>}
      {problem?.detail && problem.detail !== problem.title && <p>{problem.detail}</p>}
      {errors.length > 0 && (
        <ul>
          {errors.map((item, i) => {
            const field = [...item.loc].reverse().find((p): p is string => typeof p === 'string' && p !== 'body');
            const key = field ? FIELD_KEYS[field] : undefined;
            const raw = item.msg.replace(/^Value error, /, '');
            const message =
              item.type === 'missing'
                ? t('meetingBodies.errors.required')
                : /RRULE|FREQ|rule/.test(raw)
                  ? t('meetingBodies.errors.rule')
                  : /[\u3040-\u30ff\u4e00-\u9fff]/.test(raw)
                    ? raw
                    : t('meetingBodies.errors.format');
            return (
              <li key={i}>
                {key ? t(key as 'meetingBodies.form.name') : (field ?? '')}
                {t('meetingBodies.errors.separator')}
                {message}
              </li>
            );
          })}
        </ul>
      )}
      {!apiError && <p>{t('meetingBodies.errors.network')}</p>}
    </div>
  );
}
