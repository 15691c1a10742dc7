import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * The app's inline messages instead of the browser's popups, for a form with `noValidate`.
 * The fields keep their `required`, `min`, `max`…; on submit `validate()` reads their validity,
 * says each problem under its field in the app's words, and focuses the first. Until the form
 * is sent again the messages follow the entry.
 */
export function useInlineValidation() {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [tried, setTried] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  function messageOf(el: Control): string {
    const v = el.validity;
    if (v.customError) return el.validationMessage;
    if (v.valueMissing) {
      return el instanceof HTMLSelectElement ? t('dateFields.validation.choose') : t('dateFields.validation.required');
    }
    if (v.rangeUnderflow) return t('dateFields.validation.min', { min: (el as HTMLInputElement).min });
    if (v.rangeOverflow) return t('dateFields.validation.max', { max: (el as HTMLInputElement).max });
    if (v.typeMismatch && (el as HTMLInputElement).type === 'email') return t('dateFields.validation.email');
    if (v.typeMismatch && (el as HTMLInputElement).type === 'url') return t('dateFields.validation.url');
    return t('dateFields.validation.invalid');
  }

  function collect(): Record<string, string> {
    const found: Record<string, string> = {};
    const form = formRef.current;
    if (!form) return found;
    for (const el of Array.from(form.elements)) {
      if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement)) continue;
      if (!el.id || el.disabled || el.validity.valid) continue;
      found[el.id] = messageOf(el);
    }
    return found;
  }

  // After a refused submit, the messages follow what the user changes.
  useEffect(() => {
    if (!tried) return;
    const next = collect();
    if (JSON.stringify(next) !== JSON.stringify(errors)) setErrors(next);
  });

  /** True when the form may be sent; otherwise the messages show and the first field has the focus. */
  function validate(): boolean {
    setTried(true);
    const next = collect();
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first) formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(first)}`)?.focus();
    return !first;
  }

  function reset() {
    setTried(false);
    setErrors({});
  }

  /** aria-invalid and aria-describedby for a plain control with this id. */
  function aria(id: string, hintId?: string) {
    const described = [hintId, errors[id] ? `${id}-error` : null].filter(Boolean).join(' ');
    return { 'aria-invalid': errors[id] ? true : undefined, 'aria-describedby': described || undefined };
  }

  /** The message under a plain control (a DateField takes `error={v.message(id)}` instead). */
  function errorText(id: string) {
    return errors[id] ? (
      <p id={`${id}-error`} className="field-error">
        {errors[id]}
      </p>
    ) : null;
  }

  const hasErrors = Object.keys(errors).length > 0;
  const summary = hasErrors ? (
    <p role="alert" className="alert">
      {t('dateFields.validation.summary')}
    </p>
  ) : null;

  return { formRef, validate, reset, aria, errorText, message: (id: string) => errors[id] ?? null, hasErrors, summary };
}
