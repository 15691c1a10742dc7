import { hasOnlyPlainParts, normaliseRule, RRULE_DAYS, ruleParts, type RruleDay } from '@/shared/utils/rrule';
import { addDays, addMonths, weekdayOf, type Day } from './tokyo';

// The rule shapes the schedule form offers, and, for those shapes, a preview of the dates
// (the server expands the real series). Reading a rule in words is shared: @/shared/utils/rrule.

/** The rule shapes the form offers; `custom` is a free RRULE. */
export type RuleChoice =
  | { kind: 'monthlyNth'; nth: number; weekday: number }
  | { kind: 'weekly'; interval: number; weekday: number }
  | { kind: 'monthlyDay'; monthDay: number }
  | { kind: 'custom'; rule: string };

export function ruleOf(choice: RuleChoice): string {
  switch (choice.kind) {
    case 'monthlyNth':
      return `FREQ=MONTHLY;BYDAY=${choice.nth}${RRULE_DAYS[choice.weekday]}`;
    case 'weekly':
      return `FREQ=WEEKLY${choice.interval > 1 ? `;INTERVAL=${choice.interval}` : ''};BYDAY=${RRULE_DAYS[choice.weekday]}`;
    case 'monthlyDay':
      return `FREQ=MONTHLY;BYMONTHDAY=${choice.monthDay}`;
    case 'custom':
      return normaliseRule(choice.rule);
  }
}

/** A rule read back into one of the offered shapes, when it is one. */
export function parseRule(rule: string): RuleChoice {
  const p = ruleParts(rule);
  if (!hasOnlyPlainParts(p)) return { kind: 'custom', rule };
  const interval = Number(p.INTERVAL ?? '1');
  const byDay = /^(-1|[1-5])?(SU|MO|TU|WE|TH|FR|SA)$/.exec(p.BYDAY ?? '');
  if (p.FREQ === 'MONTHLY' && interval === 1 && byDay?.[1] && !p.BYMONTHDAY) {
    return { kind: 'monthlyNth', nth: Number(byDay[1]), weekday: RRULE_DAYS.indexOf(byDay[2] as RruleDay) };
  }
  if (p.FREQ === 'WEEKLY' && byDay && !byDay[1] && !p.BYMONTHDAY && (interval === 1 || interval === 2)) {
    return { kind: 'weekly', interval, weekday: RRULE_DAYS.indexOf(byDay[2] as RruleDay) };
  }
  if (p.FREQ === 'MONTHLY' && interval === 1 && !p.BYDAY && /^\d{1,2}$/.test(p.BYMONTHDAY ?? '')) {
    return { kind: 'monthlyDay', monthDay: Number(p.BYMONTHDAY) };
  }
  return { kind: 'custom', rule };
}

function nthWeekdayOfMonth(monthStart: Day, nth: number, weekday: number): Day | null {
  if (nth === -1) {
    const last = addDays(addMonths(monthStart, 1), -1);
    return addDays(last, -((weekdayOf(last) - weekday + 7) % 7));
  }
  const first = addDays(monthStart, (weekday - weekdayOf(monthStart) + 7) % 7);
  const day = addDays(first, 7 * (nth - 1));
  return day.slice(0, 7) === monthStart.slice(0, 7) ? day : null;
}

/**
 * The first `count` days of a rule from `from` on, for the shapes above; null for a rule this
 * preview does not expand (the server still does).
 */
export function previewDays(rule: string, from: Day, count: number): Day[] | null {
  const choice = parseRule(rule);
  const days: Day[] = [];
  const limit = Math.min(count, 60);
  if (choice.kind === 'monthlyNth' || choice.kind === 'monthlyDay') {
    for (let month = `${from.slice(0, 7)}-01`, guard = 0; days.length < limit && guard < 240; guard++) {
      let day: Day | null;
      if (choice.kind === 'monthlyNth') day = nthWeekdayOfMonth(month, choice.nth, choice.weekday);
      else {
        day = `${month.slice(0, 8)}${String(choice.monthDay).padStart(2, '0')}`;
        if (addDays(day, 0) !== day) day = null; // the 31st of a 30-day month does not exist
      }
      if (day && day >= from) days.push(day);
      month = addMonths(month, 1);
    }
    return days;
  }
  if (choice.kind === 'weekly') {
    let day = addDays(from, (choice.weekday - weekdayOf(from) + 7) % 7);
    while (days.length < limit) {
      days.push(day);
      day = addDays(day, 7 * choice.interval);
    }
    return days;
  }
  return null;
}
