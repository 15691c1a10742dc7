import type { TFunction } from 'i18next';

// The RFC 5545 rules the desk uses (meeting series, a body's default recurrence), read in
// plain words. The server is what expands a rule into dates.

export const RRULE_DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
export type RruleDay = (typeof RRULE_DAYS)[number];

/** The parts this reading understands; a rule with any other part is shown as it is. */
const PLAIN_PARTS = ['FREQ', 'BYDAY', 'INTERVAL', 'BYMONTHDAY'];

/** A rule as typed, in the form the API stores: upper case, without a leading "RRULE:". */
export function normaliseRule(rule: string): string {
  return rule.trim().toUpperCase().replace(/^RRULE:/, '');
}

/** A rule's parts, e.g. { FREQ: 'MONTHLY', BYDAY: '2TU' }. */
export function ruleParts(rule: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const part of normaliseRule(rule).split(';')) {
    const [key, value] = part.split('=');
    if (key && value) result[key] = value;
  }
  return result;
}

/** True when the rule has only the parts the plain reading (and the offered shapes) use. */
export function hasOnlyPlainParts(parts: Record<string, string>): boolean {
  return Object.keys(parts).every((k) => PLAIN_PARTS.includes(k));
}

/**
 * 「毎月第2火曜日」, 「隔月第3金曜日」, 「毎週水曜日」…; 「なし」 for no rule; the rule itself when it
 * has no plain reading.
 */
export function describeRule(rule: string | null | undefined, t: TFunction): string {
  if (!rule) return t('rrule.none');
  const p = ruleParts(rule);
  if (!hasOnlyPlainParts(p)) return rule;
  const interval = Number(p.INTERVAL ?? '1');
  const byDay = /^(-1|[1-5])?(SU|MO|TU|WE|TH|FR|SA)$/.exec(p.BYDAY ?? '');
  const weekday = byDay ? t(`rrule.weekday.${RRULE_DAYS.indexOf(byDay[2] as RruleDay)}` as 'rrule.weekday.0') : '';
  if (p.FREQ === 'MONTHLY' && byDay?.[1] && interval <= 2) {
    const nth = byDay[1] === '-1' ? t('rrule.last') : t('rrule.nth', { n: byDay[1] });
    return t(interval === 2 ? 'rrule.bimonthlyNth' : 'rrule.monthlyNth', { nth, weekday });
  }
  if (p.FREQ === 'MONTHLY' && interval === 1 && p.BYMONTHDAY && !p.BYDAY) {
    return t('rrule.monthlyDay', { day: p.BYMONTHDAY });
  }
  if (p.FREQ === 'WEEKLY' && byDay && !byDay[1] && interval <= 2) {
    return t(interval === 2 ? 'rrule.biweekly' : 'rrule.weekly', { weekday });
  }
  return rule;
}
