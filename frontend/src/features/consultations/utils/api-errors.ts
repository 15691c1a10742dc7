import type { TFunction } from 'i18next';
import { ApiError, isJapanese, locPath, plainMessage } from '@/shared/api/errors';

export type DescribedErrors = { fields: Record<string, string>; general: string[] };

// pydantic's model-level messages are English; the desk reads Japanese.
const MODEL_MESSAGES = {
  'main_concern must be one of concerns': 'consultations.errors.mainConcern',
  'person_birth_date must not be in the future': 'consultations.errors.birthFuture',
} as const;

/**
 * A 422's errors as plain sentences: per field (keyed by the loc after "body", joined
 * with ".", e.g. "person_kana" or "consulter.phone") and for the form as a whole.
 */
export function describeErrors(error: unknown, t: TFunction): DescribedErrors {
  const result: DescribedErrors = { fields: {}, general: [] };
  if (!(error instanceof ApiError) || !Array.isArray(error.problem?.errors)) return result;
  for (const item of error.problem.errors) {
    const path = locPath(item.loc);
    const raw = plainMessage(item);
    let message: string;
    const known = Object.entries(MODEL_MESSAGES).find(([english]) => raw.includes(english));
    if (known) message = t(known[1]);
    else if (isJapanese(raw)) message = raw;
    else if (path.endsWith('email')) message = t('consultations.errors.email');
    else if (path.endsWith('phone') && item.type === 'string_pattern_mismatch') {
      message = t('consultations.errors.phone');
    } else if (item.type === 'missing' || item.type === 'string_too_short') {
      message = t('consultations.errors.required');
    } else if (item.type === 'string_too_long' || item.type === 'too_long') {
      message = t('consultations.errors.tooLong');
    } else if (item.type.startsWith('date') || item.type.startsWith('datetime')) {
      message = t('consultations.errors.date');
    } else if (item.type === 'enum' || item.type === 'literal_error') {
      message = t('consultations.errors.choice');
    } else message = t('consultations.errors.format');
    if (path === '' || known) result.general.push(message);
    else if (!(path in result.fields)) result.fields[path] = message;
  }
  return result;
}
