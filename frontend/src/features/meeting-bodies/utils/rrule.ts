import type { TFunction } from 'i18next';

// The default recurrences offered when setting up a body (RFC 5545 RRULE values), and a
// plain reading of any rule. The meetings feature reads rules the same way.

export const RULE_PRESETS = [
  'FREQ=MONTHLY;BYDAY=1TU',
  'FREQ=MONTHLY;BYDAY=2TU',
  'FREQ=MONTHLY;BYDAY=4TU',
  'FREQ=MONTHLY;BYDAY=1TH',
  'FREQ=MONTHLY;BYDAY=3WE',
  'FREQ=MONTHLY;INTERVAL=2;BYDAY=3FR',
  'FREQ=WEEKLY;BYDAY=MO',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE',
] as const;

const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

export function normaliseRule(rule: string): string {
  return rule.trim().toUpperCase().replace(/^RRULE:/, '');
}

/** 「毎月第2火曜日」; the rule itself when it has no plain reading. */
export function describeRule(rule: string | null | undefined, t: TFunction): string {
  if (!rule) return t('meetingBodies.rule.none');
  const p: Record<string, string> = {};
  for (const part of normaliseRule(rule).split(';')) {
    const [k, v] = part.split('=');
    if (k && v) p[k] = v;
  }
  if (Object.keys(p).some((k) => !['FREQ', 'BYDAY', 'INTERVAL', 'BYMONTHDAY'].includes(k))) return rule;
  const interval = Number(p.INTERVAL ?? '1');
  const byDay = /^(-1|[1-5])?(SU|MO|TU|WE|TH|FR|SA)$/.exec(p.BYDAY ?? '');
  const weekday = byDay ? t(`meetingBodies.weekday.${DAYS.indexOf(byDay[2] ?? '')}` as 'meetingBodies.weekday.0') : '';
  if (p.FREQ === 'MONTHLY' && byDay?.[1] && interval <= 2) {
    const nth = byDay[1] === '-1' ? t('meetingBodies.rule.last') : t('meetingBodies.rule.nth', { n: byDay[1] });
    return t(interval === 2 ? 'meetingBodies.rule.bimonthlyNth' : 'meetingBodies.rule.monthlyNth', { nth, weekday });
  }
  if (p.FREQ === 'MONTHLY' && interval === 1 && p.BYMONTHDAY && !p.BYDAY) {
    return t('meetingBodies.rule.monthlyDay', { day: p.BYMONTHDAY });
  }
  if (p.FREQ === 'WEEKLY' && byDay && !byDay[1] && interval <= 2) {
    return t(interval === 2 ? 'meetingBodies.rule.biweekly' : 'meetingBodies.rule.weekly', { weekday });
  }
  return rule;
}
