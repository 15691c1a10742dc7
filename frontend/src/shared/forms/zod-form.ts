import type { TFunction } from 'i18next';
import type { FieldError, FieldErrors, FieldValues } from 'react-hook-form';

/**
 * A compile-time check that what a form sends (`Sent`, its zod schema's output) is assignable to
 * the request body of the generated OpenAPI types (`Body`): a field renamed or retyped in the API
 * is then a type error in the form, not a 422 at the desk. Used as
 * `export type Checked = SentAs<components['schemas']['X'], z.output<typeof schema>>;`.
 */
export type SentAs<Body, Sent extends Body> = Sent;

/**
 * The schemas' messages are i18n keys ("validation.summaryRequired", or "key|{json}" with values),
 * so that a schema stays a plain module without the translator; this says one in the user's language.
 */
export function messageOf(t: TFunction, error: Pick<FieldError, 'message'> | undefined): string | undefined {
  const message = error?.message;
  if (!message) return undefined;
  // "key|{json}": a message with values ("dateFields.validation.min|{\"min\":1}").
  const [key = '', values] = message.split('|', 2);
  return (t as unknown as (key: string, values?: object) => string)(key, values ? (JSON.parse(values) as object) : undefined);
}

/** Every field error of a form as path ("consulter.name", "members.0.name") → i18n key. */
export function flatErrors<T extends FieldValues>(errors: FieldErrors<T>): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object') return;
    const maybe = node as { message?: unknown; type?: unknown };
    if (typeof maybe.message === 'string' && typeof maybe.type === 'string') {
      if (!(path in found)) found[path] = maybe.message;
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'ref' || key === 'root') continue;
      walk(child, path ? `${path}.${key}` : key);
    }
  };
  walk(errors, '');
  return found;
}

/** The message key of the app's DateField for a half-chosen date, shown once the form is sent. */
export const DATE_INCOMPLETE = 'dateFields.incomplete.date';

/**
 * Why a DateField value ("YYYY-MM-DD", '' for none) cannot be sent, as an i18n key, or null.
 * The field itself says at once why a complete day is impossible or out of range; a half-chosen
 * one ("1950--") it says once the focus leaves, so the form says that one on submit.
 */
export function dateIssue(value: string, max?: string): string | null {
  if (!value) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return DATE_INCOMPLETE;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const exists = m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (!exists || (max && value > max)) return 'dateFields.validation.invalid';
  return null;
}
